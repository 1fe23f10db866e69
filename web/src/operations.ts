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
  query WebSuggest($query: String!) {
    searchSubjects(query: $query, first: 8) {
      nodes {
        code
        name
        kindLabel
      }
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
      }
      annualReports {
        year
        filedOn
        dueBy
        statusLabel
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
      }
      environmentalPenalties {
        id
        decisionNumber
        violationType
        facts
        fine
        decidedOn
        authority
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
      }
      consumptionRestrictions {
        id
        caseNumber
        courtName
        restrictedPerson
        issuedOn
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
      }
      environmentalRating {
        year
        gradeLabel
        colourLabel
        authority
        evaluatedOn
        validUntil
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
  query WebMajorTaxViolationList($regionCode: String, $first: Int, $after: String) {
    majorTaxViolations(regionCode: $regionCode, first: $first, after: $after) {
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
