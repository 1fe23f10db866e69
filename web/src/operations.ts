/**
 * Every GraphQL operation the web app sends, in one place. Each becomes a typed document (src/gql/) and a
 * persisted document: the gateway publishes exactly these for anonymous callers (docs/web.md). Adding one means
 * adding it here and running `npm run codegen -w web` (the build does it when this file changed).
 */
import { graphql } from './gql';

export const RegionsQuery = graphql(`
  query WebRegions($parentCode: String) {
    regions(parentCode: $parentCode) {
      code
      name
      level
    }
  }
`);

export const SuggestQuery = graphql(`
  query WebSuggest($prefix: String!) {
    suggestSubjects(prefix: $prefix, first: 8) {
      code
      name
      kindLabel
    }
  }
`);

export const SearchQuery = graphql(`
  query WebSearch($query: String, $kind: SubjectKind, $regionCode: String, $first: Int, $after: String) {
    searchSubjects(query: $query, kind: $kind, regionCode: $regionCode, first: $first, after: $after) {
      totalCount
      nodes {
        code
        name
        kind
        kindLabel
        registrationStatus
        legalRepresentative
        establishedOn
        region {
          fullName
        }
        isALevelTaxpayer
        isEnvironmentalIntegrityEnterprise
        isMajorTaxViolator
        isDishonestDebtor
        isSeriousIllegal
        isOnEnvironmentalBlacklist
        isInAbnormalOperationList
        isMarkedAbnormal
        isConsumptionRestricted
        isOnEnvironmentalWatchList
        isHighFrequencyOffender
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SubjectQuery = graphql(`
  query WebSubject($code: ID!) {
    subject(code: $code) {
      code
      name
      kind
      kindLabel
      legalRepresentative
      registrationStatus
      establishedOn
      region {
        code
        fullName
      }
      industry {
        code
        name
      }
      isALevelTaxpayer
      isEnvironmentalIntegrityEnterprise
      isMajorTaxViolator
      isDishonestDebtor
      isSeriousIllegal
      isOnEnvironmentalBlacklist
      isInAbnormalOperationList
      isMarkedAbnormal
      isConsumptionRestricted
      isOnEnvironmentalWatchList
      isHighFrequencyOffender
      registration {
        entityType
        legalRepresentative
        establishedOn
        registeredCapital
        currency
        businessScope
        address
        registrationAuthority
        statusLabel
        approvedOn
        updatedAt
      }
      annualReports {
        year
        filedOn
        dueBy
        statusLabel
        updatedAt
      }
      administrativeLicences {
        id
        documentName
        documentNumber
        category
        certificateName
        licenceNumber
        content
        decidedOn
        validFrom
        validUntil
        isLongTerm
        authorityName
        sourceName
        updatedAt
      }
      administrativePenalties {
        id
        objectionPending
        repairPending
        repairEligibility {
          eligible
          reason
          from
        }
        documentNumber
        violationType
        facts
        legalBasis
        content
        fineAmount
        confiscatedAmount
        decidedOn
        tierLabel
        publicityEndsOn
        repairableFrom
        authorityName
        sourceName
        updatedAt
      }
      environmentalPenalties {
        id
        decisionNumber
        violationType
        facts
        fine
        decidedOn
        authority
        publicityEndsOn
        updatedAt
      }
      majorTaxViolations {
        id
        objectionPending
        repairPending
        repairEligibility {
          eligible
          reason
          from
        }
        situationLabel
        mainFacts
        legalBasis
        penalty
        inspectingAuthority
        publishedOn
        publicityEndsOn
        paidInFullStopFrom
        updatedAt
      }
      dishonestDebtorCases {
        caseNumber
        courtName
        filedOn
        obligation
        performanceLabel
        behaviourLabels
        decidedOn
        listedUntil
        publishedOn
        updatedAt
      }
      creditCommitments {
        id
        kindLabel
        matter
        summary
        signatory
        state
        stateLabel
        madeOn
        termEndsOn
        checkedOn
        publicityEndsOn
        checkingDepartment {
          label
        }
        updatedAt
      }
      consumptionRestrictions {
        id
        caseNumber
        courtName
        restrictedPerson
        issuedOn
        updatedAt
      }
      seriousIllegalListings {
        id
        objectionPending
        repairPending
        repairEligibility {
          eligible
          reason
          from
        }
        decisionDocument
        groundLabel
        basis
        facts
        listingAuthority
        listedOn
        expiresOn
        earlyRemovalFrom
        updatedAt
      }
      abnormalOperations {
        id
        objectionPending
        repairPending
        repairEligibility {
          eligible
          reason
          from
        }
        kindLabel
        reasonLabel
        listingAuthority
        listingDocument
        listedOn
        statusLabel
        updatedAt
      }
      environmentalRating {
        year
        gradeLabel
        colourLabel
        authority
        evaluatedOn
        validUntil
        updatedAt
      }
      aLevelTaxpayerYear
      creditGrade {
        grade
        gradeLabel
        evaluatedAt
      }
    }
  }
`);

export const CreditListsQuery = graphql(`
  query WebCreditLists {
    creditLists {
      list
      label
      type
      typeLabel
      departmentLabel
    }
  }
`);

export const DishonestDebtorListQuery = graphql(`
  query WebDishonestDebtorList($regionCode: String, $from: Date, $to: Date, $first: Int, $after: String) {
    dishonestDebtorCases(regionCode: $regionCode, filedFrom: $from, filedTo: $to, first: $first, after: $after) {
      totalCount
      nodes {
        caseNumber
        debtorName
        courtName
        filedOn
        listedUntil
        subject {
          code
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MajorTaxViolationListQuery = graphql(`
  query WebMajorTaxViolationList($regionCode: String, $from: Date, $to: Date, $first: Int, $after: String) {
    majorTaxViolations(regionCode: $regionCode, publishedFrom: $from, publishedTo: $to, first: $first, after: $after) {
      totalCount
      nodes {
        id
        taxpayerName
        situationLabel
        inspectingAuthority
        publishedOn
        publicityEndsOn
        subject {
          code
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SeriousIllegalListQuery = graphql(`
  query WebSeriousIllegalList($regionCode: String, $from: Date, $to: Date, $first: Int, $after: String) {
    seriousIllegalListings(regionCode: $regionCode, listedFrom: $from, listedTo: $to, first: $first, after: $after) {
      totalCount
      nodes {
        id
        groundLabel
        listingAuthority
        listedOn
        expiresOn
        subject {
          code
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AbnormalOperationListQuery = graphql(`
  query WebAbnormalOperationList($regionCode: String, $from: Date, $to: Date, $first: Int, $after: String) {
    abnormalOperations(regionCode: $regionCode, listedFrom: $from, listedTo: $to, first: $first, after: $after) {
      totalCount
      nodes {
        id
        reasonLabel
        listingAuthority
        listedOn
        subject {
          code
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ALevelTaxpayerListQuery = graphql(`
  query WebALevelTaxpayerList($regionCode: String, $first: Int, $after: String) {
    aLevelTaxpayers(regionCode: $regionCode, first: $first, after: $after) {
      totalCount
      nodes {
        year
        authority
        evaluatedOn
        subject {
          code
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const LatestPenaltiesQuery = graphql(`
  query WebLatestPenalties($from: Date, $to: Date, $first: Int, $after: String) {
    penalties(decidedFrom: $from, decidedTo: $to, first: $first, after: $after) {
      totalCount
      nodes {
        id
        subjectName
        documentNumber
        violationType
        decidedOn
        publicityEndsOn
        authorityName
        subject {
          code
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const LatestLicencesQuery = graphql(`
  query WebLatestLicences($from: Date, $to: Date, $first: Int, $after: String) {
    licences(decidedFrom: $from, decidedTo: $to, first: $first, after: $after) {
      totalCount
      nodes {
        id
        subjectName
        documentName
        documentNumber
        decidedOn
        validUntil
        authorityName
        subject {
          code
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** 公共信用信息报告 download (components/ReportDownload.vue): the PDF and JSON of a newly issued report. */
export const PublicCreditReportQuery = graphql(`
  query WebPublicCreditReport($subjectCode: ID!) {
    publicCreditReport(subjectCode: $subjectCode) {
      number
      verificationCode
      verificationUrl
      pdfBase64
      dataJson
    }
  }
`);

/** The report verification page (/verify): number and 查验码 → what was issued, and whether it still holds. */
export const VerifyReportQuery = graphql(`
  query WebVerifyReport($number: String!, $code: String!) {
    verifyReport(number: $number, code: $code) {
      number
      kindLabel
      subjectCode
      subjectName
      issuedAt
      dataCutoff
      periodFrom
      periodTo
      pdfSha256
      keyId
      signatureValid
      changedSinceIssue
      statement
    }
  }
`);

/** 专项信用报告 (pages/SpecialReportPage.vue): for a signed-in enterprise itself or an officer with a purpose. */
export const SpecialCreditReportQuery = graphql(`
  query WebSpecialCreditReport($subjectCode: ID!, $from: Date!, $to: Date!, $purpose: ReportPurpose!) {
    specialCreditReport(subjectCode: $subjectCode, from: $from, to: $to, purpose: $purpose) {
      number
      verificationCode
      pdfBase64
      dataJson
    }
  }
`);

// ---------------------------------------------------------------------------------------------------------------
// The supervisors' console (监管看板, docs/web.md "Console"): signed-in callers only; the metrics subgraph checks
// each metric's level and audits every read.

export const MetricCatalogueQuery = graphql(`
  query WebConsoleMetricCatalogue {
    metrics {
      id
      label
      description
      unit
      aggregation
      access
      grains
      dimensions
      sources
      fed
      pendingOn
    }
    metricDimensions {
      id
      label
      values {
        value
        label
      }
    }
  }
`);

export const DashboardsQuery = graphql(`
  query WebConsoleDashboards {
    dashboards {
      id
      title
      owner
      scope
      version
    }
  }
`);

export const DashboardQuery = graphql(`
  query WebConsoleDashboard($id: ID!) {
    dashboard(id: $id) {
      id
      title
      owner
      department
      scope
      version
      definition
      updatedAt
    }
  }
`);

export const MetricFrameQuery = graphql(`
  query WebConsoleMetricFrame($query: MetricQuery!) {
    metricFrame(query: $query) {
      fields {
        name
        label
      }
      rows {
        period
        keys
        labels
        value
      }
      sources
    }
  }
`);

export const MetricFactsQuery = graphql(`
  query WebConsoleMetricFacts($query: MetricQuery!) {
    metricFacts(query: $query) {
      subjectCode
      day
      districtLabel
      industry
      department
      list
      matter
      severity
      value
    }
  }
`);

export const SaveDashboardMutation = graphql(`
  mutation WebConsoleSaveDashboard($input: DashboardInput!, $expectedVersion: Int) {
    saveDashboard(input: $input, expectedVersion: $expectedVersion) {
      id
      title
      scope
      version
      definition
    }
  }
`);

export const MetricAlertsQuery = graphql(`
  query WebConsoleMetricAlerts {
    metricAlerts(first: 20) {
      id
      metricLabel
      comparator
      threshold
      value
      periodStart
      periodEnd
      firedAt
    }
  }
`);

/** A threshold alert rule on a metric (supervisors): evaluated for each full month by the hub's scheduler. */
export const CreateAlertRuleMutation = graphql(`
  mutation WebConsoleCreateAlertRule($input: AlertRuleInput!) {
    createAlertRule(input: $input) {
      id
      metric
      comparator
      threshold
    }
  }
`);

/** 信用修复 / 异议 progress by 查询码 (anyone holding the code; no personal data): the /repair page. */
export const RepairProgressQuery = graphql(`
  query WebRepairProgress($queryCode: String!) {
    repairProgress(queryCode: $queryCode) {
      kind
      recordKind
      departmentName
      state
      dueOn
      decisionReason
      submittedAt
      closedAt
    }
  }
`);

/** The console's 信用修复 / 异议 work queue (officers of a department, the platform, supervisors; docs/web.md). */
export const RepairQueueQuery = graphql(`
  query WebRepairQueue($filter: RepairQueueFilter) {
    repairQueue(filter: $filter) {
      id
      kind
      queryCode
      subjectCode
      recordKind
      recordId
      department
      departmentName
      category
      statement
      state
      dueOn
      daysLeft
      overdue
      extended
      missingMaterials
      files {
        id
        purpose
        fileName
        sha256
      }
    }
  }
`);

/** One move of the work queue: the console's buttons (the state table decides which apply). */
export const RepairForwardMutation = graphql(`
  mutation WebRepairForward($id: ID!) {
    forwardRepairCase(id: $id) {
      id
      state
    }
  }
`);
export const RepairReturnMutation = graphql(`
  mutation WebRepairReturn($id: ID!, $reason: String!) {
    returnRepairCase(id: $id, reason: $reason) {
      id
      state
    }
  }
`);
export const RepairAcceptMutation = graphql(`
  mutation WebRepairAccept($id: ID!) {
    acceptRepairCase(id: $id) {
      id
      state
    }
  }
`);
export const RepairApproveMutation = graphql(`
  mutation WebRepairApprove($id: ID!, $basis: String!) {
    approveRepairCase(id: $id, basis: $basis) {
      id
      state
    }
  }
`);
export const RepairDenyMutation = graphql(`
  mutation WebRepairDeny($id: ID!, $reason: String!) {
    denyRepairCase(id: $id, reason: $reason) {
      id
      state
    }
  }
`);
export const ObjectionUpholdMutation = graphql(`
  mutation WebObjectionUphold($id: ID!, $reason: String!) {
    upholdObjection(id: $id, reason: $reason) {
      id
      state
    }
  }
`);
export const ObjectionCorrectMutation = graphql(`
  mutation WebObjectionCorrect($id: ID!, $reason: String!) {
    correctObjection(id: $id, reason: $reason) {
      id
      state
    }
  }
`);

/** 我的申请: the signed-in enterprise's own 信用修复 applications and objections, newest first. */
export const MyRepairCasesQuery = graphql(`
  query WebMyRepairCases {
    myRepairCases {
      id
      kind
      queryCode
      recordKind
      recordId
      departmentName
      category
      state
      dueOn
      daysLeft
      overdue
      decisionReason
      reapplyFrom
      submittedAt
      closedAt
      missingMaterials
    }
  }
`);

/** One of the enterprise's cases, for the form (a draft to finish, or 补正 to hand in). */
export const ApplicantCaseQuery = graphql(`
  query WebApplicantCase($id: ID!) {
    repairCase(id: $id) {
      id
      kind
      queryCode
      subjectCode
      recordKind
      recordId
      departmentName
      category
      statement
      state
      dueOn
      daysLeft
      decisionReason
      missingMaterials
      files {
        id
        purpose
        fileName
        size
        uploadedAt
      }
    }
  }
`);

/** The 信用承诺书 template for a record (to print, sign and stamp, then upload as COMMITMENT). */
export const CommitmentTemplateQuery = graphql(`
  query WebCommitmentTemplate($kind: RepairCaseKind!, $recordKind: RepairRecordKind!, $recordId: ID!) {
    repairCommitmentTemplate(kind: $kind, recordKind: $recordKind, recordId: $recordId)
  }
`);

/** The enterprise starts a 信用修复 application (a draft, files follow through /uploads/repair). */
export const CreateRepairApplicationMutation = graphql(`
  mutation WebCreateRepairApplication($input: RepairApplicationInput!) {
    createRepairApplication(input: $input) {
      id
      queryCode
      state
    }
  }
`);

/** The enterprise starts an objection (异议). */
export const CreateObjectionMutation = graphql(`
  mutation WebCreateObjection($input: ObjectionInput!) {
    createObjection(input: $input) {
      id
      queryCode
      state
    }
  }
`);

/** Submit the draft once its files are uploaded. */
export const SubmitRepairCaseMutation = graphql(`
  mutation WebSubmitRepairCase($id: ID!) {
    submitRepairCase(id: $id) {
      id
      queryCode
      state
      dueOn
    }
  }
`);

/** Hand in the 补正. */
export const ResubmitRepairCaseMutation = graphql(`
  mutation WebResubmitRepairCase($id: ID!) {
    resubmitRepairCase(id: $id) {
      id
      queryCode
      state
      dueOn
    }
  }
`);

/** A case file's content for the console (every read audited by the repair subgraph). */
export const RepairFileQuery = graphql(`
  query WebRepairFile($id: ID!) {
    repairFile(id: $id) {
      file {
        id
        fileName
        mediaType
      }
      contentBase64
    }
  }
`);
