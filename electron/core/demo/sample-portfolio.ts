/**
 * The demo portfolio: Maya Okafor, a data analyst in Manchester moving toward data
 * engineering. Data only (no database code). Every date is relative to `now`, so one
 * certification always expires within weeks, one course is always in progress, and
 * the expired ones stay expired whenever the demo is loaded.
 *
 * Names of real platforms and issuers are used for realism; every credential ID is made
 * up and every verification or personal address is on an example.org / example.com
 * domain, so nothing here points at a real person or a real record.
 */
import type { CredentialsCreateRequest, EducationCreateRequest, ExperienceCreateRequest, ProfileUpdateRequest, ProjectsCreateRequest, SkillsCreateRequest } from '../../shared/io'

type CredentialDraft = CredentialsCreateRequest & { key: string }
type ProjectDraft = Omit<ProjectsCreateRequest, 'credentialIds'> & { credentialKeys: string[] }

export interface SamplePortfolio {
  profile: ProfileUpdateRequest
  experience: ExperienceCreateRequest[]
  education: EducationCreateRequest[]
  skills: SkillsCreateRequest[]
  /** `key` lets projects refer to credentials before they have ids. */
  credentials: CredentialDraft[]
  projects: ProjectDraft[]
}

/** `YYYY-MM-DD`, `years`/`months`/`days` away from `now` (negative = in the past), in UTC. */
function dateFrom(now: Date, offset: { years?: number; months?: number; days?: number }): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  if (offset.years || offset.months) {
    const day = d.getUTCDate()
    d.setUTCDate(1)
    d.setUTCMonth(d.getUTCMonth() + (offset.years ?? 0) * 12 + (offset.months ?? 0))
    const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
    d.setUTCDate(Math.min(day, lastDay))
  }
  if (offset.days) d.setUTCDate(d.getUTCDate() + offset.days)
  return d.toISOString().slice(0, 10)
}

const usd = (amount: number) => ({ amountMinor: Math.round(amount * 100), currency: 'USD' })
const gbp = (amount: number) => ({ amountMinor: Math.round(amount * 100), currency: 'GBP' })
const eur = (amount: number) => ({ amountMinor: Math.round(amount * 100), currency: 'EUR' })

export function samplePortfolio(now: Date): SamplePortfolio {
  const ago = (years: number, months = 0, days = 0) => dateFrom(now, { years: -years, months: -months, days: -days })
  const ahead = (days: number) => dateFrom(now, { days })

  // AWS certifications are valid for three years: earned so that it lapses in 25 days.
  const awsExpires = ahead(25)
  const awsEarned = dateFrom(new Date(`${awsExpires}T00:00:00Z`), { years: -3 })

  const skills: SamplePortfolio['skills'] = [
    { name: 'SQL', category: 'technology', aliases: ['Structured Query Language', 'T-SQL'], description: 'Querying, window functions, CTEs, query tuning.' },
    { name: 'Python', category: 'technology', aliases: ['Python 3'], description: 'Scripting and analysis with pandas; pipeline code.' },
    { name: 'pandas', category: 'technology', aliases: ['Python pandas'] },
    { name: 'Excel', category: 'technology', aliases: ['MS Excel', 'Microsoft Excel'], description: 'Pivot tables, Power Query, XLOOKUP.' },
    { name: 'Tableau', category: 'technology', aliases: ['Tableau Desktop'] },
    { name: 'Power BI', category: 'technology', aliases: ['PowerBI', 'Microsoft Power BI'], description: 'Data models, DAX measures, row-level security.' },
    { name: 'dbt', category: 'technology', aliases: ['data build tool', 'dbt Core'] },
    { name: 'Airflow', category: 'technology', aliases: ['Apache Airflow'] },
    { name: 'AWS', category: 'technology', aliases: ['Amazon Web Services'] },
    { name: 'Docker', category: 'technology', aliases: ['containers'] },
    { name: 'Git', category: 'technology', aliases: ['version control'] },
    { name: 'PostgreSQL', category: 'technology', aliases: ['Postgres'] },
    { name: 'Apache Spark', category: 'technology', aliases: ['Spark', 'PySpark'] },
    { name: 'BigQuery', category: 'technology', aliases: ['Google BigQuery'] },
    { name: 'Databricks', category: 'technology', aliases: [] },
    { name: 'Statistics', category: 'knowledge', aliases: ['Statistical analysis'], description: 'Inference, regression, confidence intervals.' },
    { name: 'A/B testing', category: 'knowledge', aliases: ['Experimentation', 'Split testing'] },
    { name: 'Data modelling', category: 'knowledge', aliases: ['Data modeling', 'Dimensional modelling'] },
    { name: 'Data visualisation', category: 'knowledge', aliases: ['Data visualization', 'Dataviz'] },
    { name: 'Data pipelines', category: 'knowledge', aliases: ['ETL', 'ELT'] },
    { name: 'Data governance', category: 'knowledge', aliases: ['GDPR'] },
    { name: 'Stakeholder communication', category: 'transversal', aliases: ['Stakeholder management'] },
    { name: 'Data storytelling', category: 'transversal', aliases: [] },
    { name: 'Spanish', category: 'language', aliases: ['Español'], description: 'Professional working proficiency (B2).' },
  ]

  const credentials: CredentialDraft[] = [
    {
      key: 'google-da',
      title: 'Google Data Analytics Professional Certificate',
      kind: 'platform',
      status: 'earned',
      provider: 'Coursera',
      issuerName: 'Google',
      issuerUrl: 'https://grow.google',
      startedOn: ago(4, 2),
      earnedOn: ago(4, 0, 12),
      hours: 181,
      cost: usd(294),
      credentialCode: 'GDA-7QX2MK4PLB',
      verificationUrl: 'https://verify.example.org/coursera/GDA-7QX2MK4PLB',
      description:
        'Eight courses covering the analysis process end to end: asking questions, preparing and cleaning data in spreadsheets and SQL, analysing in R, visualising in Tableau, and a capstone case study.',
      skills: [
        { name: 'SQL', level: 'intermediate' },
        { name: 'Excel', level: 'advanced' },
        { name: 'Tableau', level: 'intermediate' },
        { name: 'Data visualisation', level: 'intermediate' },
        { name: 'Data storytelling', level: 'beginner' },
      ],
    },
    {
      key: 'edx-sql',
      title: 'Databases: Relational Databases and SQL',
      kind: 'platform',
      status: 'earned',
      provider: 'edX',
      issuerName: 'StanfordOnline',
      issuerUrl: 'https://online.stanford.edu',
      startedOn: ago(3, 5),
      earnedOn: ago(3, 3, 4),
      hours: 30,
      cost: usd(169),
      credentialCode: 'b2f1c9e4a7d84f0e9c51',
      verificationUrl: 'https://courses.example.org/certificates/b2f1c9e4a7d84f0e9c51',
      description: 'Relational design, relational algebra, SQL including subqueries, aggregation, constraints and triggers.',
      skills: [
        { name: 'SQL', level: 'advanced' },
        { name: 'Data modelling', level: 'intermediate' },
        { name: 'PostgreSQL', level: 'beginner' },
      ],
    },
    {
      key: 'udacity-de',
      title: 'Data Engineering with AWS Nanodegree',
      kind: 'platform',
      status: 'in_progress',
      provider: 'Udacity',
      issuerName: 'Udacity',
      issuerUrl: 'https://www.udacity.com',
      startedOn: ago(0, 2, 9),
      hours: 48,
      cost: usd(1017),
      verificationUrl: null,
      description:
        'Four projects: data modelling with Apache Cassandra and PostgreSQL, a cloud data warehouse on Redshift, a data lake with Spark, and data pipelines with Airflow. Two of four projects submitted so far.',
      notes: 'Four-month bundle bought in the spring sale. Aim: finish the Airflow project before the AWS renewal.',
      skills: [
        { name: 'AWS', level: 'intermediate' },
        { name: 'Airflow', level: 'beginner' },
        { name: 'Apache Spark', level: 'beginner' },
        { name: 'Data pipelines', level: 'intermediate' },
        { name: 'Python', level: 'intermediate' },
        { name: 'Data modelling', level: 'intermediate' },
      ],
    },
    {
      key: 'bootcamp',
      title: 'Data Analytics Bootcamp (part-time)',
      kind: 'bootcamp',
      status: 'earned',
      provider: 'Le Wagon',
      issuerName: 'Le Wagon London',
      issuerUrl: 'https://www.lewagon.com',
      startedOn: ago(5, 1),
      earnedOn: ago(4, 7),
      hours: 360,
      cost: gbp(7900),
      credentialCode: 'LW-DA-0942',
      verificationUrl: 'https://alumni.example.org/le-wagon/LW-DA-0942',
      description:
        'Twenty-four weeks of evenings and Saturdays: Python and pandas, SQL, statistics, Tableau and a two-week team project on public transport punctuality.',
      notes: 'Career-change loan paid off. Cohort Slack is still the best place to ask questions.',
      skills: [
        { name: 'Python', level: 'intermediate' },
        { name: 'pandas', level: 'intermediate' },
        { name: 'SQL', level: 'intermediate' },
        { name: 'Statistics', level: 'beginner' },
        { name: 'Tableau', level: 'intermediate' },
        { name: 'Git', level: 'beginner' },
        { name: 'Stakeholder communication', level: 'beginner' },
      ],
    },
    {
      key: 'employer-academy',
      title: 'Analytics Academy: Advanced SQL and Data Modelling',
      kind: 'employer',
      status: 'earned',
      provider: 'Brightwave Retail Analytics Academy',
      issuerName: 'Brightwave Retail',
      issuerUrl: 'https://brightwave.example.com',
      startedOn: ago(1, 9),
      earnedOn: ago(1, 6, 20),
      hours: 40,
      cost: null,
      credentialCode: 'BWA-2291',
      verificationUrl: 'https://academy.brightwave.example.com/records/BWA-2291',
      description: 'Employer-sponsored internal programme: window functions, query plans, star schemas and slowly changing dimensions, taught on the company warehouse.',
      notes: 'Paid from the team training budget; counts towards the senior analyst promotion case.',
      skills: [
        { name: 'SQL', level: 'advanced' },
        { name: 'Data modelling', level: 'advanced' },
        { name: 'Data governance', level: 'intermediate' },
      ],
    },
    {
      key: 'pgcert',
      title: 'Postgraduate Certificate in Applied Statistics',
      kind: 'academic',
      status: 'earned',
      provider: 'Birkbeck, University of London',
      issuerName: 'Birkbeck, University of London',
      issuerUrl: 'https://www.bbk.ac.uk',
      startedOn: ago(3, 0, 15),
      earnedOn: ago(2, 3, 2),
      hours: 300,
      cost: gbp(4260),
      credentialCode: 'BBK-PGC-19220481',
      verificationUrl: 'https://degrees.example.org/verify/BBK-PGC-19220481',
      description: 'Part-time, 60 credits at level 7: probability, statistical inference, linear models, and design of experiments.',
      skills: [
        { name: 'Statistics', level: 'advanced' },
        { name: 'A/B testing', level: 'intermediate' },
        { name: 'Python', level: 'intermediate' },
      ],
    },
    {
      key: 'aws-ccp',
      title: 'AWS Certified Cloud Practitioner',
      kind: 'certification',
      status: 'earned',
      provider: 'Pearson VUE',
      issuerName: 'Amazon Web Services',
      issuerUrl: 'https://aws.amazon.com/certification/',
      earnedOn: awsEarned,
      expiresOn: awsExpires,
      hours: 25,
      cost: usd(100),
      credentialCode: 'B7KX9QZ2LJE1Q3SD',
      verificationUrl: 'https://cp.certmetrics.example.org/amazon/en/public/verify/credential/B7KX9QZ2LJE1Q3SD',
      description: 'Foundational AWS certification: cloud concepts, security, core services, pricing and support.',
      notes: 'Renew by passing the Data Engineer Associate exam before it lapses.',
      skills: [
        { name: 'AWS', level: 'beginner' },
        { name: 'Data governance', level: 'beginner' },
      ],
    },
    {
      key: 'pl-300',
      title: 'Microsoft Certified: Power BI Data Analyst Associate',
      kind: 'certification',
      status: 'expired',
      provider: 'Microsoft Learn',
      issuerName: 'Microsoft',
      issuerUrl: 'https://learn.microsoft.com',
      startedOn: ago(2, 8),
      earnedOn: ago(2, 6, 3),
      expiresOn: ago(1, 6, 3),
      hours: 60,
      cost: eur(126),
      credentialCode: 'PL300-9F31-77A2',
      verificationUrl: 'https://learn.example.org/credentials/PL300-9F31-77A2',
      description: 'Exam PL-300: preparing, modelling, visualising and analysing data with Power BI, and deploying reports.',
      notes: 'Missed the free online renewal window; renew before the next performance review.',
      skills: [
        { name: 'Power BI', level: 'advanced' },
        { name: 'Data modelling', level: 'intermediate' },
        { name: 'Data visualisation', level: 'advanced' },
        { name: 'Excel', level: 'advanced' },
      ],
    },
    {
      key: 'tableau',
      title: 'Tableau Desktop Specialist',
      kind: 'certification',
      status: 'earned',
      provider: 'Tableau',
      issuerName: 'Salesforce',
      issuerUrl: 'https://www.tableau.com',
      earnedOn: ago(3, 10),
      hours: 20,
      cost: usd(100),
      credentialCode: 'TDS-44810375',
      verificationUrl: 'https://badges.example.org/tableau/TDS-44810375',
      description: 'Foundational Tableau skills: connecting and preparing data, exploring and analysing, sharing insights. Does not expire.',
      skills: [
        { name: 'Tableau', level: 'advanced' },
        { name: 'Data visualisation', level: 'intermediate' },
      ],
    },
    {
      key: 'databricks',
      title: 'Databricks Certified Data Engineer Associate',
      kind: 'certification',
      status: 'planned',
      provider: 'Databricks Academy',
      issuerName: 'Databricks',
      issuerUrl: 'https://www.databricks.com/learn/certification',
      hours: 40,
      cost: usd(200),
      description: 'Lakehouse platform, ELT with Spark SQL and Python, incremental processing, production pipelines, data governance.',
      notes: 'Next after the Nanodegree. The employer may cover the exam fee if it supports the warehouse migration.',
      skills: [
        { name: 'Databricks', level: 'intermediate' },
        { name: 'Apache Spark', level: 'intermediate' },
        { name: 'Data pipelines', level: 'intermediate' },
      ],
    },
    {
      key: 'dbt-badge',
      title: 'dbt Fundamentals',
      kind: 'badge',
      status: 'earned',
      provider: 'dbt Learn',
      issuerName: 'dbt Labs',
      issuerUrl: 'https://www.getdbt.com',
      startedOn: ago(0, 9, 12),
      earnedOn: ago(0, 9, 5),
      hours: 5,
      cost: usd(0),
      credentialCode: '8c1d2f7e-4b0a-4f55-9d6e-3a2b1c0d9e8f',
      verificationUrl: 'https://badges.example.org/badges/8c1d2f7e-4b0a-4f55-9d6e-3a2b1c0d9e8f',
      description: 'Open Badge for the dbt Fundamentals course: models, sources, tests, documentation and deployment.',
      skills: [
        { name: 'dbt', level: 'intermediate' },
        { name: 'SQL', level: 'advanced' },
        { name: 'Data modelling', level: 'intermediate' },
        { name: 'Git', level: 'beginner' },
      ],
    },
    {
      key: 'gcp-badge',
      title: 'Derive Insights from BigQuery Data (skill badge)',
      kind: 'badge',
      status: 'earned',
      provider: 'Google Cloud Skills Boost',
      issuerName: 'Google Cloud',
      issuerUrl: 'https://cloud.google.com',
      earnedOn: ago(1, 2, 8),
      hours: 6,
      cost: usd(0),
      credentialCode: 'GCSB-5513902',
      verificationUrl: 'https://badges.example.org/google-cloud/GCSB-5513902',
      description: 'Hands-on labs and a challenge lab: writing BigQuery SQL, joins and unions, date functions, and exploring public datasets.',
      skills: [
        { name: 'BigQuery', level: 'intermediate' },
        { name: 'SQL', level: 'intermediate' },
      ],
    },
    {
      key: 'zoomcamp',
      title: 'Data Engineering Zoomcamp',
      kind: 'other',
      status: 'earned',
      provider: 'DataTalks.Club',
      issuerName: 'DataTalks.Club',
      issuerUrl: 'https://datatalks.club',
      startedOn: ago(0, 11, 14),
      earnedOn: ago(0, 8, 1),
      hours: 120,
      cost: usd(0),
      credentialCode: 'DEZ-MO-2291',
      verificationUrl: 'https://certificates.example.org/dezoomcamp/DEZ-MO-2291',
      description:
        'Free nine-week community course with a peer-reviewed final project: Docker, Terraform, workflow orchestration, BigQuery, dbt, Spark and Kafka.',
      skills: [
        { name: 'Docker', level: 'intermediate' },
        { name: 'Data pipelines', level: 'intermediate' },
        { name: 'BigQuery', level: 'intermediate' },
        { name: 'Apache Spark', level: 'beginner' },
        { name: 'dbt', level: 'beginner' },
        { name: 'Python', level: 'intermediate' },
      ],
    },
    {
      key: 'ab-workshop',
      title: 'Trustworthy Online Experiments (workshop)',
      kind: 'other',
      status: 'earned',
      provider: 'Data Science Conference Europe',
      issuerName: 'DSC Europe Workshops',
      issuerUrl: 'https://workshops.example.org',
      startedOn: ago(1, 3, 2),
      earnedOn: ago(1, 3, 1),
      hours: 14,
      cost: eur(450),
      credentialCode: 'DSCE-WS-118',
      verificationUrl: 'https://workshops.example.org/attendance/DSCE-WS-118',
      description: 'Two-day in-person workshop in Amsterdam: metric design, power analysis, sample-ratio mismatch, peeking and sequential tests.',
      notes: 'Conference ticket and travel paid personally; workshop certificate of attendance.',
      skills: [
        { name: 'A/B testing', level: 'advanced' },
        { name: 'Statistics', level: 'intermediate' },
        { name: 'Stakeholder communication', level: 'intermediate' },
      ],
    },
  ]

  const projects: ProjectDraft[] = [
    {
      title: 'Customer churn dashboard',
      role: 'Lead analyst',
      summary:
        'A Power BI dashboard that tracks loyalty-card churn by store, region and customer segment, refreshed daily from the warehouse and used in the weekly trading meeting.',
      startedOn: ago(2, 4),
      endedOn: ago(2, 1),
      links: [{ label: 'Write-up', url: 'https://maya-okafor.example.org/projects/churn-dashboard' }],
      outcomes: [
        'Cut the monthly churn report from two days of spreadsheet work to a daily automatic refresh',
        'Flagged 14 stores with rising churn; a targeted offer there recovered about 6% of lapsed members',
      ],
      skills: [
        { name: 'Power BI', level: 'advanced' },
        { name: 'SQL', level: 'advanced' },
        { name: 'Data modelling', level: 'intermediate' },
        { name: 'Stakeholder communication', level: 'intermediate' },
        { name: 'Data storytelling', level: 'intermediate' },
      ],
      credentialKeys: ['pl-300', 'google-da', 'employer-academy'],
    },
    {
      title: 'Retail sales ELT pipeline with dbt and Airflow',
      role: 'Data engineer (personal project)',
      summary:
        'Open retail sales data loaded daily into PostgreSQL, modelled with dbt into a star schema with tests, and orchestrated by Airflow in Docker.',
      startedOn: ago(0, 7, 10),
      endedOn: ago(0, 3, 20),
      links: [
        { label: 'Code', url: 'https://git.example.org/maya-okafor/retail-elt' },
        { label: 'dbt docs', url: 'https://maya-okafor.example.org/retail-elt/docs' },
      ],
      outcomes: ['42 dbt models with 120 tests, all green in CI', 'Full daily rebuild in under four minutes on a laptop'],
      skills: [
        { name: 'dbt', level: 'intermediate' },
        { name: 'Airflow', level: 'beginner' },
        { name: 'Docker', level: 'intermediate' },
        { name: 'PostgreSQL', level: 'intermediate' },
        { name: 'Git', level: 'intermediate' },
        { name: 'Data pipelines', level: 'intermediate' },
      ],
      credentialKeys: ['dbt-badge', 'zoomcamp', 'udacity-de'],
    },
    {
      title: 'Checkout redesign A/B test analysis',
      role: 'Analyst',
      summary:
        'Designed and analysed a four-week test of a one-page checkout on the online shop: power analysis up front, guardrail metrics, and a readout for the product and finance leads.',
      startedOn: ago(1, 2, 1),
      endedOn: ago(1, 0, 10),
      links: [],
      outcomes: [
        'Conversion up 2.1 percentage points (95% CI 1.2 to 3.0), rolled out to all customers',
        'Caught a sample-ratio mismatch in week one caused by a caching bug, before it biased the result',
      ],
      skills: [
        { name: 'A/B testing', level: 'advanced' },
        { name: 'Statistics', level: 'advanced' },
        { name: 'Python', level: 'intermediate' },
        { name: 'pandas', level: 'intermediate' },
        { name: 'Stakeholder communication', level: 'advanced' },
      ],
      credentialKeys: ['ab-workshop', 'pgcert'],
    },
    {
      title: 'City taxi trips data lake on AWS',
      role: 'Data engineer (course project)',
      summary:
        'Raw trip files landed in S3, cleaned and partitioned with Spark into Parquet, catalogued for Athena queries. Part of the Udacity Nanodegree; still being extended.',
      startedOn: ago(0, 1, 5),
      endedOn: null,
      links: [{ label: 'Code', url: 'https://git.example.org/maya-okafor/taxi-data-lake' }],
      outcomes: ['Query cost per analysis down about 90% after partitioning by month'],
      skills: [
        { name: 'AWS', level: 'intermediate' },
        { name: 'Apache Spark', level: 'beginner' },
        { name: 'Python', level: 'intermediate' },
        { name: 'Data pipelines', level: 'intermediate' },
      ],
      credentialKeys: ['udacity-de', 'aws-ccp'],
    },
    {
      title: 'Manchester air quality explorer',
      role: 'Author',
      summary: 'A public Tableau story on ten years of open air-quality sensor data, with a walkthrough for community groups.',
      startedOn: ago(3, 9),
      endedOn: ago(3, 7),
      links: [{ label: 'Tableau Public', url: 'https://public.example.org/maya-okafor/air-quality' }],
      outcomes: ['Featured in a local council open-data newsletter', 'Used by two neighbourhood groups in a consultation response'],
      skills: [
        { name: 'Tableau', level: 'advanced' },
        { name: 'Data visualisation', level: 'advanced' },
        { name: 'Data storytelling', level: 'intermediate' },
        { name: 'Excel', level: 'intermediate' },
      ],
      credentialKeys: ['tableau', 'bootcamp'],
    },
  ]

  return {
    profile: {
      fullName: 'Maya Okafor',
      headline: 'Data analyst moving into data engineering · SQL, Python, dbt, Airflow, AWS',
      email: 'maya.okafor@example.com',
      phone: '+44 7700 900123',
      location: 'Manchester, UK',
      website: 'https://maya-okafor.example.org',
      links: [
        { label: 'Code', url: 'https://git.example.org/maya-okafor' },
        { label: 'LinkedIn', url: 'https://www.example.com/in/maya-okafor' },
      ],
      summary:
        'Data analyst with four years in retail and logistics analytics: SQL, Power BI and experiment design for commercial teams. Now building the engineering side (dbt, Airflow, Spark, AWS) to own pipelines end to end, not just the dashboards at the end of them.',
    },
    experience: [
      {
        organization: 'Brightwave Retail',
        title: 'Data Analyst',
        location: 'Manchester, UK (hybrid)',
        startedOn: ago(3, 2),
        endedOn: null,
        description:
          'Own loyalty and e-commerce analytics for a 180-store retailer: churn and basket analysis, experiment design and readouts, and the Power BI reporting used by the trading team. Moved twelve legacy spreadsheet reports onto dbt models in the warehouse.',
      },
      {
        organization: 'Harbourline Logistics',
        title: 'Junior Reporting Analyst',
        location: 'Salford, UK',
        startedOn: ago(4, 6),
        endedOn: ago(3, 2, 10),
        description: 'Weekly operations and delivery-performance reporting in Excel and SQL Server; automated the depot KPI pack with Power Query.',
      },
      {
        organization: 'Harbourline Logistics',
        title: 'Operations Coordinator',
        location: 'Salford, UK',
        startedOn: ago(6, 8),
        endedOn: ago(4, 6, 1),
        description: 'Scheduled regional deliveries for 40 drivers; built the first tracking spreadsheet for late deliveries, which led to the move into reporting.',
      },
    ],
    education: [
      {
        institution: 'Birkbeck, University of London',
        degree: 'PGCert',
        field: 'Applied Statistics',
        startedOn: ago(3, 0, 15),
        endedOn: ago(2, 3, 2),
        description: 'Part-time, evenings, alongside full-time work.',
      },
      {
        institution: 'University of Leeds',
        degree: 'BA (Hons)',
        field: 'Economics and Spanish',
        startedOn: ago(11, 1),
        endedOn: ago(7, 2),
        description: 'Upper second-class honours; year abroad in Valencia; dissertation on regional unemployment.',
      },
    ],
    skills,
    credentials,
    projects,
  }
}
