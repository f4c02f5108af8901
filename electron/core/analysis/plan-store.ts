/**
 * Saved learning plans (tables plan / plan_step): save a computed plan, edit a step, reorder,
 * add or remove steps, mark a step done and link the credential that completed it, and the
 * spend and hours to date. Every write runs in one transaction.
 */
import type { Db } from '../db/open'
import { badInput, notFound } from '../../shared/errors'
import { toPublicId, toRowId } from '../portfolio/ids'
import type { PlanListItem, PlanOffer, PlanProgress, SavedPlan, SavedStep, SavedStepSkill } from '../../shared/analysis'
import { formatMoney, type LearningPlan } from './plan'
import type { MoneyAmount } from './types'

/**
 * What the `skills` column of plan_step holds. Plans saved before the credential catalog
 * stored a bare array of skills; newer ones an object with the catalog entry the step is.
 * Both are read.
 */
interface StepData {
  skills: SavedStepSkill[]
  offer?: PlanOffer | null
  originalCost?: MoneyAmount | null
  certificate?: boolean
}

function parseStepData(json: string | null): StepData {
  if (!json) return { skills: [] }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return { skills: [] }
  }
  if (Array.isArray(value)) return { skills: value as SavedStepSkill[] }
  if (value && typeof value === 'object' && Array.isArray((value as StepData).skills)) return value as StepData
  return { skills: [] }
}

const stepDataJson = (d: StepData): string =>
  JSON.stringify({ skills: d.skills, offer: d.offer ?? null, originalCost: d.originalCost ?? null, certificate: d.certificate ?? false })

/** What a step becomes when swapped for a catalog entry or the user's own credential. */
export interface StepReplacement {
  title: string
  kind: SavedStep['kind']
  reason: string
  hours: number
  costMinor: number
  offer: PlanOffer | null
  originalCost: MoneyAmount | null
  certificate: boolean
  /** Row id of the user's own credential the step now is (linked to the step). */
  credentialRow: number | null
}

export type { PlanListItem, PlanProgress, SavedPlan, SavedStep, SavedStepSkill }

export interface StepPatch {
  title?: string
  skills?: SavedStepSkill[]
  kind?: SavedStep['kind']
  reason?: string
  hours?: number
  costMinor?: number
  notes?: string | null
}

export interface NewStep {
  title: string
  skills?: SavedStepSkill[]
  kind: SavedStep['kind']
  reason?: string
  hours?: number
  costMinor?: number
  notes?: string | null
}

interface PlanRow {
  id: number
  role_ref: string
  title: string
  budget_minor: number | null
  currency: string | null
  hours_per_week: number | null
  target_date: string | null
  full_time: number
  employer: string | null
  created_at: string
  updated_at: string
}

interface StepRow {
  id: number
  plan_id: number
  position: number
  title: string
  skills: string
  credential_kind: string
  reason: string
  hours: number
  cost_minor: number
  done_at: string | null
  credential_id: number | null
  notes: string | null
  c_title: string | null
  c_hours: number | null
  c_cost: number | null
  c_currency: string | null
}

const DAY = 86_400_000

export function createPlanStore(db: Db, now: () => Date) {
  const insertPlan = db.prepare(
    `INSERT INTO plan (role_ref, title, budget_minor, currency, hours_per_week, target_date, full_time, employer, created_at, updated_at)
     VALUES (@roleRef, @title, @budgetMinor, @currency, @hoursPerWeek, @targetDate, @fullTime, @employer, @at, @at)`,
  )
  const insertStep = db.prepare(
    `INSERT INTO plan_step (plan_id, position, title, skills, credential_kind, reason, hours, cost_minor, notes)
     VALUES (@planId, @position, @title, @skills, @kind, @reason, @hours, @costMinor, @notes)`,
  )
  const planById = db.prepare<[number], PlanRow>(`SELECT * FROM plan WHERE id = ?`)
  const planList = db.prepare<[], PlanRow>(`SELECT * FROM plan ORDER BY updated_at DESC, id DESC`)
  const stepsOf = db.prepare<[number], StepRow>(
    `SELECT s.*, c.title AS c_title, c.hours AS c_hours, c.cost_minor AS c_cost, c.currency AS c_currency
       FROM plan_step s LEFT JOIN credential c ON c.id = s.credential_id
      WHERE s.plan_id = ? ORDER BY s.position, s.id`,
  )
  const stepById = db.prepare<[number], { id: number; plan_id: number; position: number }>(`SELECT id, plan_id, position FROM plan_step WHERE id = ?`)
  const touchPlan = db.prepare(`UPDATE plan SET updated_at = ? WHERE id = ?`)
  const updatePlanRow = db.prepare(
    `UPDATE plan SET title = @title, budget_minor = @budgetMinor, currency = @currency, hours_per_week = @hoursPerWeek,
       target_date = @targetDate, full_time = @fullTime, employer = @employer, updated_at = @at WHERE id = @id`,
  )
  const updateStepRow = db.prepare(
    `UPDATE plan_step SET title = @title, skills = @skills, credential_kind = @kind, reason = @reason, hours = @hours,
       cost_minor = @costMinor, notes = @notes WHERE id = @id`,
  )
  const setPosition = db.prepare(`UPDATE plan_step SET position = ? WHERE id = ?`)
  const setDone = db.prepare(`UPDATE plan_step SET done_at = ?, credential_id = ? WHERE id = ?`)
  const setLink = db.prepare(`UPDATE plan_step SET credential_id = ? WHERE id = ?`)
  const deleteStepRow = db.prepare(`DELETE FROM plan_step WHERE id = ?`)
  const deletePlanRow = db.prepare(`DELETE FROM plan WHERE id = ?`)
  const credentialExists = db.prepare<[number], { id: number }>(`SELECT id FROM credential WHERE id = ?`)
  const stepRows = db.prepare<[number], StepRow>(
    `SELECT s.*, NULL AS c_title, NULL AS c_hours, NULL AS c_cost, NULL AS c_currency FROM plan_step s WHERE s.plan_id = ? ORDER BY s.position, s.id`,
  )

  const stamp = () => now().toISOString()
  const today = () => now().toISOString().slice(0, 10)

  function requirePlan(id: number): PlanRow {
    const row = planById.get(id)
    if (!row) throw notFound(`There is no plan ${id}.`)
    return row
  }

  function requireStep(id: number): { id: number; plan_id: number; position: number } {
    const row = stepById.get(id)
    if (!row) throw notFound(`There is no plan step ${id}.`)
    return row
  }

  function renumber(planId: number): void {
    stepRows.all(planId).forEach((s, i) => {
      if (s.position !== i + 1) setPosition.run(i + 1, s.id)
    })
  }

  function checkStep(p: { hours?: number; costMinor?: number; title?: string }): void {
    if (p.title !== undefined && !p.title.trim()) throw badInput('title: is required', [{ path: 'title', message: 'is required' }])
    if (p.hours !== undefined && !(p.hours >= 0 && Number.isFinite(p.hours))) throw badInput('hours: cannot be negative', [{ path: 'hours', message: 'cannot be negative' }])
    if (p.costMinor !== undefined && !(Number.isSafeInteger(p.costMinor) && p.costMinor >= 0))
      throw badInput('costMinor: must be a whole number of minor units, not negative', [{ path: 'costMinor', message: 'must be a whole number of minor units, not negative' }])
  }

  function read(id: number): SavedPlan {
    const row = requirePlan(id)
    const currency = row.currency ?? 'USD'
    const steps: SavedStep[] = stepsOf.all(id).map((s) => {
      const data = parseStepData(s.skills)
      return {
        id: s.id,
        position: s.position,
        title: s.title,
        skills: data.skills,
        kind: s.credential_kind as SavedStep['kind'],
        reason: s.reason,
        hours: s.hours,
        cost: { amountMinor: s.cost_minor, currency },
        offer: data.offer ?? null,
        originalCost: data.originalCost ?? null,
        // Plans saved before the catalog never knew whether a step awards a certificate.
        certificate: data.certificate ?? false,
        alternatives: [],
        doneAt: s.done_at,
        credential:
          s.credential_id === null
            ? null
            : {
                id: toPublicId('credential', s.credential_id),
                title: s.c_title ?? '',
                hours: s.c_hours,
                cost: s.c_cost !== null && s.c_currency !== null ? { amountMinor: s.c_cost, currency: s.c_currency } : null,
              },
        notes: s.notes,
      }
    })
    return {
      id: row.id,
      roleRef: row.role_ref,
      title: row.title,
      budget: row.budget_minor !== null ? { amountMinor: row.budget_minor, currency } : null,
      currency,
      hoursPerWeek: row.hours_per_week,
      targetDate: row.target_date,
      fullTime: row.full_time === 1,
      employer: row.employer,
      steps,
      progress: progressOf(steps, currency, row.hours_per_week, row.target_date),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  }

  function progressOf(steps: SavedStep[], currency: string, hoursPerWeek: number | null, targetDate: string | null): PlanProgress {
    let hoursPlanned = 0
    let hoursDone = 0
    let costPlanned = 0
    let costDone = 0
    let done = 0
    const actualSpend = new Map<string, number>()
    let actualHours = 0
    const linked = new Set<string>()
    for (const s of steps) {
      hoursPlanned += s.hours
      costPlanned += s.cost.amountMinor
      if (!s.doneAt) continue
      done++
      hoursDone += s.hours
      costDone += s.cost.amountMinor
      // A credential completing two steps is counted once.
      if (s.credential && !linked.has(s.credential.id)) {
        linked.add(s.credential.id)
        actualHours += s.credential.hours ?? 0
        if (s.credential.cost) actualSpend.set(s.credential.cost.currency, (actualSpend.get(s.credential.cost.currency) ?? 0) + s.credential.cost.amountMinor)
      }
    }
    const remaining = hoursPlanned - hoursDone
    const projectedCompletion =
      hoursPerWeek && steps.length ? new Date(Date.parse(`${today()}T00:00:00Z`) + Math.ceil((remaining * 7) / hoursPerWeek - 1e-9) * DAY).toISOString().slice(0, 10) : null
    return {
      steps: steps.length,
      done,
      hoursPlanned,
      hoursDone,
      costPlanned: { amountMinor: costPlanned, currency },
      costDone: { amountMinor: costDone, currency },
      actual: {
        credentials: linked.size,
        hours: actualHours,
        spend: [...actualSpend].map(([c, amountMinor]) => ({ currency: c, amountMinor })).sort((a, b) => a.currency.localeCompare(b.currency)),
      },
      percentDone: hoursPlanned > 0 ? Math.round((1000 * hoursDone) / hoursPlanned) / 10 : steps.length ? Math.round((1000 * done) / steps.length) / 10 : 0,
      projectedCompletion,
      meetsTarget: targetDate && projectedCompletion ? projectedCompletion <= targetDate : null,
    }
  }

  function changed(planId: number): SavedPlan {
    touchPlan.run(stamp(), planId)
    return read(planId)
  }

  return {
    /**
     * Saves a computed plan. An over-budget step whose cheaper alternative the plan assumed is
     * saved as that alternative, with the original suggestion in its notes.
     */
    save(plan: LearningPlan, title?: string): SavedPlan {
      return db.transaction(() => {
        const c = plan.constraints
        const planId = Number(
          insertPlan.run({
            roleRef: plan.role.ref,
            title: title?.trim() || `Plan for ${plan.role.title}`,
            budgetMinor: c.budget?.amountMinor ?? null,
            currency: c.budget?.currency ?? plan.totals.cost.currency,
            hoursPerWeek: c.hoursPerWeek,
            targetDate: c.targetDate,
            fullTime: c.fullTime ? 1 : 0,
            employer: c.employer,
            at: stamp(),
          }).lastInsertRowid,
        )
        plan.steps.forEach((s, i) => {
          const alt = s.uses === 'alternative' && s.alternative ? s.alternative : null
          insertStep.run({
            planId,
            position: i + 1,
            title: s.title,
            skills: stepDataJson({
              skills: s.skills.map((k) => ({ key: k.key, name: k.name })),
              offer: alt ? (alt.offer ?? null) : (s.offer ?? null),
              originalCost: alt ? (alt.originalCost ?? null) : (s.originalCost ?? null),
              certificate: alt ? (alt.offer?.certificate ?? false) : (s.certificate ?? false),
            }),
            kind: alt ? alt.kind : s.kind,
            reason: alt ? alt.reason : s.reason,
            hours: alt ? alt.hours : s.hours,
            costMinor: alt ? alt.cost.amountMinor : s.cost.amountMinor,
            notes: alt ? `Over budget as first suggested (${s.kind}, ${s.hours} h, ${formatMoney(s.cost)}): ${s.reason}` : null,
          })
        })
        return read(planId)
      })()
    },

    get: (id: number): SavedPlan => read(id),

    /** The plan a step belongs to. */
    planOfStep: (stepId: number): number => requireStep(stepId).plan_id,

    list(): PlanListItem[] {
      return planList.all().map((row) => {
        const p = read(row.id)
        return { id: p.id, roleRef: p.roleRef, title: p.title, steps: p.progress.steps, done: p.progress.done, percentDone: p.progress.percentDone, updatedAt: p.updatedAt }
      })
    },

    /** Changes the plan's own settings (title, budget, pace, target, employer). */
    update(id: number, patch: { title?: string; budget?: MoneyAmount | null; hoursPerWeek?: number | null; targetDate?: string | null; fullTime?: boolean; employer?: string | null }): SavedPlan {
      return db.transaction(() => {
        const row = requirePlan(id)
        if (patch.title !== undefined && !patch.title.trim()) throw badInput('title: is required', [{ path: 'title', message: 'is required' }])
        if (patch.hoursPerWeek !== undefined && patch.hoursPerWeek !== null && !(patch.hoursPerWeek > 0))
          throw badInput('hoursPerWeek: must be more than 0', [{ path: 'hoursPerWeek', message: 'must be more than 0' }])
        updatePlanRow.run({
          id,
          title: patch.title?.trim() ?? row.title,
          budgetMinor: patch.budget === undefined ? row.budget_minor : (patch.budget?.amountMinor ?? null),
          currency: patch.budget ? patch.budget.currency : row.currency,
          hoursPerWeek: patch.hoursPerWeek === undefined ? row.hours_per_week : patch.hoursPerWeek,
          targetDate: patch.targetDate === undefined ? row.target_date : patch.targetDate,
          fullTime: patch.fullTime === undefined ? row.full_time : patch.fullTime ? 1 : 0,
          employer: patch.employer === undefined ? row.employer : patch.employer,
          at: stamp(),
        })
        return read(id)
      })()
    },

    updateStep(stepId: number, patch: StepPatch): SavedPlan {
      checkStep(patch)
      return db.transaction(() => {
        const { plan_id: planId } = requireStep(stepId)
        const current = read(planId).steps.find((s) => s.id === stepId)!
        updateStepRow.run({
          id: stepId,
          title: patch.title?.trim() ?? current.title,
          skills: stepDataJson({ skills: patch.skills ?? current.skills, offer: current.offer, originalCost: current.originalCost, certificate: current.certificate }),
          kind: patch.kind ?? current.kind,
          reason: patch.reason ?? current.reason,
          hours: patch.hours ?? current.hours,
          costMinor: patch.costMinor ?? current.cost.amountMinor,
          notes: patch.notes === undefined ? current.notes : patch.notes,
        })
        return changed(planId)
      })()
    },

    /**
     * Makes a step another program (a catalog entry or the user's own planned credential); the
     * skills it stands for stay, and the first suggestion is kept in the notes.
     */
    swapStep(stepId: number, to: StepReplacement): SavedPlan {
      checkStep({ title: to.title, hours: to.hours, costMinor: to.costMinor })
      return db.transaction(() => {
        const { plan_id: planId } = requireStep(stepId)
        const current = read(planId).steps.find((s) => s.id === stepId)!
        updateStepRow.run({
          id: stepId,
          title: to.title.trim(),
          skills: stepDataJson({ skills: current.skills, offer: to.offer, originalCost: to.originalCost, certificate: to.certificate }),
          kind: to.kind,
          reason: to.reason,
          hours: to.hours,
          costMinor: to.costMinor,
          notes: current.notes ?? `Swapped; first suggested: ${current.title} (${current.hours} h, ${formatMoney(current.cost)}).`,
        })
        setLink.run(to.credentialRow, stepId)
        return changed(planId)
      })()
    },

    /** Adds a step at a 1-based position (default: last). */
    addStep(planId: number, step: NewStep, position?: number): SavedPlan {
      checkStep(step)
      return db.transaction(() => {
        requirePlan(planId)
        const count = stepRows.all(planId).length
        const at = Math.min(Math.max(1, position ?? count + 1), count + 1)
        // Make room, then renumber.
        for (const s of stepRows.all(planId)) if (s.position >= at) setPosition.run(s.position + 1, s.id)
        insertStep.run({
          planId,
          position: at,
          title: step.title.trim(),
          skills: stepDataJson({ skills: step.skills ?? [] }),
          kind: step.kind,
          reason: step.reason ?? '',
          hours: step.hours ?? 0,
          costMinor: step.costMinor ?? 0,
          notes: step.notes ?? null,
        })
        renumber(planId)
        return changed(planId)
      })()
    },

    removeStep(stepId: number): SavedPlan {
      return db.transaction(() => {
        const { plan_id: planId } = requireStep(stepId)
        deleteStepRow.run(stepId)
        renumber(planId)
        return changed(planId)
      })()
    },

    /** Puts the steps in the given order; `stepIds` must list every step of the plan once. */
    reorder(planId: number, stepIds: readonly number[]): SavedPlan {
      return db.transaction(() => {
        requirePlan(planId)
        const ids = stepRows.all(planId).map((s) => s.id)
        const given = new Set(stepIds)
        if (given.size !== stepIds.length || stepIds.length !== ids.length || !ids.every((id) => given.has(id))) {
          throw badInput('stepIds: must list every step of the plan exactly once', [{ path: 'stepIds', message: 'must list every step of the plan exactly once' }])
        }
        stepIds.forEach((id, i) => setPosition.run(i + 1, id))
        return changed(planId)
      })()
    },

    /** Marks a step done, optionally linking the credential (`cred-12`) that completed it. */
    markDone(stepId: number, options: { credentialId?: string | null; doneAt?: string } = {}): SavedPlan {
      return db.transaction(() => {
        const { plan_id: planId } = requireStep(stepId)
        let credentialRow: number | null = null
        if (options.credentialId) {
          credentialRow = toRowId('credential', options.credentialId)
          if (!credentialExists.get(credentialRow)) throw notFound(`There is no credential ${options.credentialId}.`)
        }
        setDone.run(options.doneAt ?? stamp(), credentialRow, stepId)
        return changed(planId)
      })()
    },

    markUndone(stepId: number): SavedPlan {
      return db.transaction(() => {
        const { plan_id: planId } = requireStep(stepId)
        setDone.run(null, null, stepId)
        return changed(planId)
      })()
    },

    remove(planId: number): { id: number } {
      requirePlan(planId)
      deletePlanRow.run(planId)
      return { id: planId }
    },
  }
}

export type PlanStore = ReturnType<typeof createPlanStore>
