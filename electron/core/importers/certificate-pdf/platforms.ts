/**
 * One recogniser per platform's certificate layout. Each says how sure it is (its own
 * verification address counts most, then its name and its wording) and fills the fields it
 * knows where to find; what it leaves null the generic patterns fill.
 */
import type { CertificateFields, CertificatePlatform } from '../../../shared/certificates'
import type { CredentialKind } from '../../../shared/schemas'
import { findDate, findLearner, labelledDate, labelledId, largestText, lineAfter, lineBefore, looksLikeName, urlMatching } from './patterns'
import type { PdfText } from './text'

export interface Recognised {
  confidence: number
  fields: Partial<CertificateFields>
}

export interface Recogniser {
  platform: CertificatePlatform
  name: string
  /** The kind of credential the platform awards. */
  kind: CredentialKind
  recognise(pdf: PdfText): Recognised
}

/** Weights of the three signals: the platform's verification address, its name, its wording. */
const URL_WEIGHT = 0.6
const NAME_WEIGHT = 0.25
const WORDING_WEIGHT = 0.25

function score(pdf: PdfText, url: unknown, name: RegExp, wording: RegExp): number {
  const total = (url ? URL_WEIGHT : 0) + (name.test(pdf.text) ? NAME_WEIGHT : 0) + (wording.test(pdf.text) ? WORDING_WEIGHT : 0)
  return Math.min(1, Math.round(total * 100) / 100)
}

/** The text as one line, so sentences that wrap can be matched. */
const flat = (pdf: PdfText) => pdf.text.replace(/\s+/g, ' ')

const textOf = (line: { text: string } | null) => line?.text ?? null

const coursera: Recogniser = {
  platform: 'coursera',
  name: 'Coursera',
  kind: 'platform',
  recognise(pdf) {
    const url = urlMatching(pdf, /^coursera\.org\/(?:verify|share)\/(?:(?:professional-cert|specialization)\/)?([a-z0-9]{6,})/i)
    const issuer = /authorized by (.+?)(?: and offered through Coursera|\.|$)/i.exec(flat(pdf))?.[1] ?? null
    return {
      confidence: score(pdf, url, /\bcoursera\b/i, /has successfully completed|offered through coursera/i),
      fields: {
        title: textOf(lineAfter(pdf, /has successfully completed/i)),
        learnerName: textOf(lineBefore(pdf, /has successfully completed/i)),
        earnedOn: findDate(pdf.text),
        issuerName: issuer,
        provider: 'Coursera',
        credentialCode: url?.match[1] ?? null,
        verificationUrl: url?.url ?? null,
      },
    }
  },
}

const edx: Recogniser = {
  platform: 'edx',
  name: 'edX',
  kind: 'platform',
  recognise(pdf) {
    const url = urlMatching(pdf, /^(?:verify\.edx\.org\/cert\/|courses\.edx\.org\/certificates\/)([a-z0-9-]{6,})/i)
    const text = flat(pdf)
    const issuer = /online learning initiative of (.+?)(?: through edX|\.|$)/i.exec(text)?.[1] ?? /offered by (.+?)(?:,| through edX|\.|$)/i.exec(text)?.[1] ?? null
    return {
      confidence: score(pdf, url, /\bedx\b/i, /received a passing grade|online learning initiative/i),
      fields: {
        title: textOf(lineAfter(pdf, /passing grade in/i)),
        learnerName: textOf(lineBefore(pdf, /successfully completed/i)),
        earnedOn: labelledDate(pdf, /\bissued\b/i),
        issuerName: issuer,
        provider: 'edX',
        credentialCode: labelledId(pdf.text) ?? url?.match[1] ?? null,
        verificationUrl: url?.url ?? null,
      },
    }
  },
}

const udacity: Recogniser = {
  platform: 'udacity',
  name: 'Udacity',
  kind: 'platform',
  recognise(pdf) {
    const url = urlMatching(pdf, /^confirm\.udacity\.com\/([a-z0-9-]{4,})/i)
    return {
      confidence: score(pdf, url, /\budacity\b/i, /nanodegree/i),
      fields: {
        title: textOf(lineAfter(pdf, /has successfully completed/i)),
        learnerName: textOf(lineBefore(pdf, /has successfully completed/i)),
        earnedOn: findDate(pdf.text),
        issuerName: 'Udacity',
        provider: 'Udacity',
        credentialCode: url?.match[1] ?? labelledId(pdf.text),
        verificationUrl: url?.url ?? null,
      },
    }
  },
}

const linkedInLearning: Recogniser = {
  platform: 'linkedin-learning',
  name: 'LinkedIn Learning',
  kind: 'platform',
  recognise(pdf) {
    const url = urlMatching(pdf, /^linkedin\.com\/learning\/certificates\/([a-z0-9]{6,})/i)
    const greeting = pdf.lines.find((l) => /^congratulations,?\s/i.test(l.text))
    const name = greeting ? greeting.text.replace(/^congratulations,?\s+/i, '').replace(/[!.]+$/, '') : null
    return {
      confidence: score(pdf, url, /linkedin learning/i, /course completed on|certificate of completion/i),
      fields: {
        title: greeting ? textOf(pdf.lines[pdf.lines.indexOf(greeting) + 1] ?? null) : null,
        learnerName: name && looksLikeName(name) ? name : null,
        earnedOn: labelledDate(pdf, /course completed on/i),
        issuerName: 'LinkedIn',
        provider: 'LinkedIn Learning',
        credentialCode: labelledId(pdf.text) ?? url?.match[1] ?? null,
        verificationUrl: url?.url ?? null,
      },
    }
  },
}

const microsoftLearn: Recogniser = {
  platform: 'microsoft-learn',
  name: 'Microsoft Learn',
  kind: 'certification',
  recognise(pdf) {
    const url = urlMatching(pdf, /^learn\.microsoft\.com\/(?:[a-z-]+\/)?(?:api\/credentials\/share|users\/[^/]+\/credentials)\//i)
    const title = pdf.lines.find((l) => /^Microsoft Certified:\s*\S/i.test(l.text))?.text ?? textOf(lineAfter(pdf, /requirements to be/i))
    return {
      confidence: score(pdf, url, /\bmicrosoft\b/i, /microsoft certified|certification number|requirements to be/i),
      fields: {
        title,
        learnerName: textOf(lineBefore(pdf, /has successfully completed the requirements/i)),
        earnedOn: labelledDate(pdf, /date of achievement/i),
        expiresOn: labelledDate(pdf, /valid until|expires on/i),
        issuerName: 'Microsoft',
        provider: 'Microsoft Learn',
        credentialCode: /certification number\s*:?\s*([A-Z0-9][A-Z0-9-]{3,})/i.exec(pdf.text)?.[1] ?? labelledId(pdf.text),
        verificationUrl: url?.url ?? null,
      },
    }
  },
}

const google: Recogniser = {
  platform: 'google',
  name: 'Google',
  kind: 'platform',
  recognise(pdf) {
    const url = urlMatching(pdf, /^(?:grow\.google|[a-z.]*cloudskillsboost\.google|skillshop\.[a-z.]+|google\.accredible\.com)\/\S*?([a-z0-9-]{6,})?$/i)
    const grow = /grow with google/i.test(pdf.text)
    const learner = findLearner(pdf)
    return {
      confidence: score(pdf, url, /grow with google|google career certificate|google skillshop|google cloud/i, /has (?:successfully )?completed|certifies that/i),
      fields: {
        title: largestText(pdf, [learner, 'Grow with Google', 'Google Career Certificates', 'Google']),
        learnerName: learner,
        earnedOn: findDate(pdf.text),
        issuerName: 'Google',
        provider: grow ? 'Grow with Google' : 'Google',
        credentialCode: labelledId(pdf.text) ?? url?.match[1] ?? null,
        verificationUrl: url?.url ?? null,
      },
    }
  },
}

const credly: Recogniser = {
  platform: 'credly',
  name: 'Credly',
  kind: 'badge',
  recognise(pdf) {
    const url = urlMatching(pdf, /^credly\.com\/(?:badges|earner\/earned\/badge)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i)
    const to = pdf.lines.map((l) => /^issued to\s*:?\s*(.+)$/i.exec(l.text)?.[1]?.trim()).find((n) => n !== undefined) ?? null
    const by = pdf.lines.map((l) => /^issued by\s*:?\s*(.+)$/i.exec(l.text)?.[1]?.trim()).find((n) => n !== undefined) ?? null
    return {
      confidence: score(pdf, url, /\bcredly\b/i, /issued to|issued by/i),
      fields: {
        title: largestText(pdf, [to, by]),
        learnerName: to,
        earnedOn: labelledDate(pdf, /issued on|date issued/i) ?? findDate(pdf.text),
        issuerName: by,
        provider: 'Credly',
        credentialCode: url?.match[1] ?? null,
        verificationUrl: url?.url ?? null,
      },
    }
  },
}

export const RECOGNISERS: readonly Recogniser[] = [coursera, edx, udacity, linkedInLearning, microsoftLearn, google, credly]
