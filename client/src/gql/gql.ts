/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AppViewer {\n    me {\n      id\n      ...Shell_Me\n    }\n  }\n": typeof types.AppViewerDocument,
    "\n  subscription DeadlineAlerts {\n    deadlineAlerts {\n      id\n      kind\n      taskLabel\n      message\n      endsAt\n    }\n  }\n": typeof types.DeadlineAlertsDocument,
    "\n  query BureauDeadlines {\n    me {\n      id\n      serverTime\n    }\n    timelineTemplates(first: 100) {\n      nodes {\n        id\n        name\n        termLabel\n        tasks {\n          id\n          label\n          endsAt\n          rocWindow\n        }\n      }\n    }\n  }\n": typeof types.BureauDeadlinesDocument,
    "\n  query HomeDeadlines {\n    me {\n      id\n      serverTime\n    }\n    myDeadlines {\n      task {\n        id\n        label\n        rocWindow\n      }\n      state\n      stateLabel\n      endsAt\n      rocEndsAt\n      viewerMayActNow\n      blockedReason\n      extension {\n        id\n        reason\n      }\n    }\n  }\n": typeof types.HomeDeadlinesDocument,
    "\n  query ClassesPage {\n    classes(first: 100) {\n      nodes {\n        id\n        name\n        gradeYear\n        academicYear {\n          id\n          label\n        }\n        homeroomTeacher {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.ClassesPageDocument,
    "\n  query GradesPageSections {\n    mySections {\n      id\n      name\n      course {\n        id\n        code\n        subjectName\n        credits\n      }\n    }\n  }\n": typeof types.GradesPageSectionsDocument,
    "\n  query GradesPageSection($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on CourseSection {\n        name\n        course {\n          id\n          subjectName\n        }\n        enrolments {\n          id\n          termGrade\n          passed\n          makeupGrade\n          qualitativeNote\n          gradedAt\n          student {\n            id\n            studentNumber\n            name\n            seatNumber\n          }\n        }\n      }\n    }\n  }\n": typeof types.GradesPageSectionDocument,
    "\n  mutation EnterGrades($input: EnterGradesInput!) {\n    enterGrades(input: $input) {\n      enrolments {\n        id\n        termGrade\n        passed\n        makeupGrade\n        qualitativeNote\n        gradedAt\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.EnterGradesDocument,
    "\n  fragment HomePage_Me on Me {\n    displayName\n    roleLabels\n    sessionExpiresAt\n    viewerCanPublishTemplates\n    currentTerm {\n      id\n      label\n      rocPeriod\n    }\n    student {\n      id\n      studentNumber\n      name\n      nationalId\n      birthDate\n      cohortLabel\n      seatNumber\n      statusLabel\n      schoolClass {\n        id\n        name\n      }\n    }\n    homeroomClasses {\n      id\n      name\n      gradeYear\n    }\n  }\n": typeof types.HomePage_MeFragmentDoc,
    "\n  query HomeroomPage {\n    me {\n      id\n      homeroomClasses {\n        id\n        name\n        students {\n          id\n          seatNumber\n          studentNumber\n          name\n          statusLabel\n          enrolments {\n            id\n            termGrade\n            passed\n            section {\n              id\n              course {\n                id\n                subjectName\n              }\n            }\n          }\n          cadreRecords {\n            id\n            unit\n            position\n          }\n        }\n      }\n    }\n  }\n": typeof types.HomeroomPageDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      me {\n        id\n      }\n      retryAfterSeconds\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query SchoolsPage {\n    schools(first: 100) {\n      nodes {\n        id\n        code\n        name\n        divisionLabel\n      }\n    }\n  }\n": typeof types.SchoolsPageDocument,
    "\n  query SessionsPage {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      expiresAt\n      userAgent\n      ip\n      isCurrent\n    }\n  }\n": typeof types.SessionsPageDocument,
    "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revoked\n      userErrors {\n        message\n      }\n    }\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation LogoutEverywhere {\n    logout(input: { allSessions: true }) {\n      endedSessions\n    }\n  }\n": typeof types.LogoutEverywhereDocument,
    "\n  fragment Shell_Me on Me {\n    id\n    kind\n    displayName\n    username\n    roleLabels\n    serverTime\n    currentTermLabel\n    viewerCanListStudents\n    viewerCanListClasses\n    viewerCanBrowseSchools\n    viewerCanEditTimeline\n    viewerCanEnterGrades\n    viewerCanViewHomeroom\n    viewerCanPublishTemplates\n    school {\n      id\n      displayName\n      code\n    }\n    authority {\n      id\n      name\n    }\n    currentTerm {\n      id\n      label\n      rocPeriod\n    }\n    ...HomePage_Me\n  }\n": typeof types.Shell_MeFragmentDoc,
    "\n  subscription ServerClock {\n    serverClock {\n      now\n    }\n  }\n": typeof types.ServerClockDocument,
    "\n  mutation Logout($input: LogoutInput) {\n    logout(input: $input) {\n      endedSessions\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query StudentsPage($first: Int, $after: String, $classId: ID) {\n    students(first: $first, after: $after, classId: $classId) {\n      edges {\n        cursor\n        node {\n          id\n          studentNumber\n          name\n          nationalId\n          seatNumber\n          statusLabel\n          schoolClass {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StudentsPageDocument,
    "\n  query TemplatesPage {\n    me {\n      id\n      serverTime\n      viewerCanPublishTemplates\n      viewerCanEditTimeline\n    }\n    taskKinds {\n      kind\n      label\n      needsCategory\n    }\n    submissionCategories {\n      category\n      label\n    }\n    timelineTemplates(first: 50) {\n      nodes {\n        id\n        name\n        termKey\n        termLabel\n        publishedAt\n        tasks {\n          id\n          kind\n          category\n          label\n          startsAt\n          endsAt\n          earliestStart\n          latestEnd\n          rocWindow\n        }\n      }\n    }\n  }\n": typeof types.TemplatesPageDocument,
    "\n  mutation PublishTemplate($input: PublishTimelineTemplateInput!) {\n    publishTimelineTemplate(input: $input) {\n      template {\n        id\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.PublishTemplateDocument,
    "\n  mutation AdoptTemplate($input: AdoptTimelineTemplateInput!) {\n    adoptTimelineTemplate(input: $input) {\n      tasks {\n        id\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdoptTemplateDocument,
    "\n  query TimelinePage {\n    me {\n      id\n      serverTime\n      viewerCanEditTimeline\n      currentTerm {\n        id\n        label\n      }\n    }\n    timeline {\n      id\n      kind\n      label\n      startsAt\n      endsAt\n      earliestStart\n      latestEnd\n      rocWindow\n      state\n      stateLabel\n      sections\n      system\n      notes\n      version\n    }\n  }\n": typeof types.TimelinePageDocument,
    "\n  mutation MoveTimelineTask($input: MoveTimelineTaskInput!) {\n    moveTimelineTask(input: $input) {\n      task {\n        id\n        startsAt\n        endsAt\n        rocWindow\n        state\n        stateLabel\n        version\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.MoveTimelineTaskDocument,
};
const documents: Documents = {
    "\n  query AppViewer {\n    me {\n      id\n      ...Shell_Me\n    }\n  }\n": types.AppViewerDocument,
    "\n  subscription DeadlineAlerts {\n    deadlineAlerts {\n      id\n      kind\n      taskLabel\n      message\n      endsAt\n    }\n  }\n": types.DeadlineAlertsDocument,
    "\n  query BureauDeadlines {\n    me {\n      id\n      serverTime\n    }\n    timelineTemplates(first: 100) {\n      nodes {\n        id\n        name\n        termLabel\n        tasks {\n          id\n          label\n          endsAt\n          rocWindow\n        }\n      }\n    }\n  }\n": types.BureauDeadlinesDocument,
    "\n  query HomeDeadlines {\n    me {\n      id\n      serverTime\n    }\n    myDeadlines {\n      task {\n        id\n        label\n        rocWindow\n      }\n      state\n      stateLabel\n      endsAt\n      rocEndsAt\n      viewerMayActNow\n      blockedReason\n      extension {\n        id\n        reason\n      }\n    }\n  }\n": types.HomeDeadlinesDocument,
    "\n  query ClassesPage {\n    classes(first: 100) {\n      nodes {\n        id\n        name\n        gradeYear\n        academicYear {\n          id\n          label\n        }\n        homeroomTeacher {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.ClassesPageDocument,
    "\n  query GradesPageSections {\n    mySections {\n      id\n      name\n      course {\n        id\n        code\n        subjectName\n        credits\n      }\n    }\n  }\n": types.GradesPageSectionsDocument,
    "\n  query GradesPageSection($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on CourseSection {\n        name\n        course {\n          id\n          subjectName\n        }\n        enrolments {\n          id\n          termGrade\n          passed\n          makeupGrade\n          qualitativeNote\n          gradedAt\n          student {\n            id\n            studentNumber\n            name\n            seatNumber\n          }\n        }\n      }\n    }\n  }\n": types.GradesPageSectionDocument,
    "\n  mutation EnterGrades($input: EnterGradesInput!) {\n    enterGrades(input: $input) {\n      enrolments {\n        id\n        termGrade\n        passed\n        makeupGrade\n        qualitativeNote\n        gradedAt\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.EnterGradesDocument,
    "\n  fragment HomePage_Me on Me {\n    displayName\n    roleLabels\n    sessionExpiresAt\n    viewerCanPublishTemplates\n    currentTerm {\n      id\n      label\n      rocPeriod\n    }\n    student {\n      id\n      studentNumber\n      name\n      nationalId\n      birthDate\n      cohortLabel\n      seatNumber\n      statusLabel\n      schoolClass {\n        id\n        name\n      }\n    }\n    homeroomClasses {\n      id\n      name\n      gradeYear\n    }\n  }\n": types.HomePage_MeFragmentDoc,
    "\n  query HomeroomPage {\n    me {\n      id\n      homeroomClasses {\n        id\n        name\n        students {\n          id\n          seatNumber\n          studentNumber\n          name\n          statusLabel\n          enrolments {\n            id\n            termGrade\n            passed\n            section {\n              id\n              course {\n                id\n                subjectName\n              }\n            }\n          }\n          cadreRecords {\n            id\n            unit\n            position\n          }\n        }\n      }\n    }\n  }\n": types.HomeroomPageDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      me {\n        id\n      }\n      retryAfterSeconds\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query SchoolsPage {\n    schools(first: 100) {\n      nodes {\n        id\n        code\n        name\n        divisionLabel\n      }\n    }\n  }\n": types.SchoolsPageDocument,
    "\n  query SessionsPage {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      expiresAt\n      userAgent\n      ip\n      isCurrent\n    }\n  }\n": types.SessionsPageDocument,
    "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revoked\n      userErrors {\n        message\n      }\n    }\n  }\n": types.RevokeSessionDocument,
    "\n  mutation LogoutEverywhere {\n    logout(input: { allSessions: true }) {\n      endedSessions\n    }\n  }\n": types.LogoutEverywhereDocument,
    "\n  fragment Shell_Me on Me {\n    id\n    kind\n    displayName\n    username\n    roleLabels\n    serverTime\n    currentTermLabel\n    viewerCanListStudents\n    viewerCanListClasses\n    viewerCanBrowseSchools\n    viewerCanEditTimeline\n    viewerCanEnterGrades\n    viewerCanViewHomeroom\n    viewerCanPublishTemplates\n    school {\n      id\n      displayName\n      code\n    }\n    authority {\n      id\n      name\n    }\n    currentTerm {\n      id\n      label\n      rocPeriod\n    }\n    ...HomePage_Me\n  }\n": types.Shell_MeFragmentDoc,
    "\n  subscription ServerClock {\n    serverClock {\n      now\n    }\n  }\n": types.ServerClockDocument,
    "\n  mutation Logout($input: LogoutInput) {\n    logout(input: $input) {\n      endedSessions\n    }\n  }\n": types.LogoutDocument,
    "\n  query StudentsPage($first: Int, $after: String, $classId: ID) {\n    students(first: $first, after: $after, classId: $classId) {\n      edges {\n        cursor\n        node {\n          id\n          studentNumber\n          name\n          nationalId\n          seatNumber\n          statusLabel\n          schoolClass {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StudentsPageDocument,
    "\n  query TemplatesPage {\n    me {\n      id\n      serverTime\n      viewerCanPublishTemplates\n      viewerCanEditTimeline\n    }\n    taskKinds {\n      kind\n      label\n      needsCategory\n    }\n    submissionCategories {\n      category\n      label\n    }\n    timelineTemplates(first: 50) {\n      nodes {\n        id\n        name\n        termKey\n        termLabel\n        publishedAt\n        tasks {\n          id\n          kind\n          category\n          label\n          startsAt\n          endsAt\n          earliestStart\n          latestEnd\n          rocWindow\n        }\n      }\n    }\n  }\n": types.TemplatesPageDocument,
    "\n  mutation PublishTemplate($input: PublishTimelineTemplateInput!) {\n    publishTimelineTemplate(input: $input) {\n      template {\n        id\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.PublishTemplateDocument,
    "\n  mutation AdoptTemplate($input: AdoptTimelineTemplateInput!) {\n    adoptTimelineTemplate(input: $input) {\n      tasks {\n        id\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdoptTemplateDocument,
    "\n  query TimelinePage {\n    me {\n      id\n      serverTime\n      viewerCanEditTimeline\n      currentTerm {\n        id\n        label\n      }\n    }\n    timeline {\n      id\n      kind\n      label\n      startsAt\n      endsAt\n      earliestStart\n      latestEnd\n      rocWindow\n      state\n      stateLabel\n      sections\n      system\n      notes\n      version\n    }\n  }\n": types.TimelinePageDocument,
    "\n  mutation MoveTimelineTask($input: MoveTimelineTaskInput!) {\n    moveTimelineTask(input: $input) {\n      task {\n        id\n        startsAt\n        endsAt\n        rocWindow\n        state\n        stateLabel\n        version\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.MoveTimelineTaskDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppViewer {\n    me {\n      id\n      ...Shell_Me\n    }\n  }\n"): (typeof documents)["\n  query AppViewer {\n    me {\n      id\n      ...Shell_Me\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeadlineAlerts {\n    deadlineAlerts {\n      id\n      kind\n      taskLabel\n      message\n      endsAt\n    }\n  }\n"): (typeof documents)["\n  subscription DeadlineAlerts {\n    deadlineAlerts {\n      id\n      kind\n      taskLabel\n      message\n      endsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauDeadlines {\n    me {\n      id\n      serverTime\n    }\n    timelineTemplates(first: 100) {\n      nodes {\n        id\n        name\n        termLabel\n        tasks {\n          id\n          label\n          endsAt\n          rocWindow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BureauDeadlines {\n    me {\n      id\n      serverTime\n    }\n    timelineTemplates(first: 100) {\n      nodes {\n        id\n        name\n        termLabel\n        tasks {\n          id\n          label\n          endsAt\n          rocWindow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeDeadlines {\n    me {\n      id\n      serverTime\n    }\n    myDeadlines {\n      task {\n        id\n        label\n        rocWindow\n      }\n      state\n      stateLabel\n      endsAt\n      rocEndsAt\n      viewerMayActNow\n      blockedReason\n      extension {\n        id\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomeDeadlines {\n    me {\n      id\n      serverTime\n    }\n    myDeadlines {\n      task {\n        id\n        label\n        rocWindow\n      }\n      state\n      stateLabel\n      endsAt\n      rocEndsAt\n      viewerMayActNow\n      blockedReason\n      extension {\n        id\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassesPage {\n    classes(first: 100) {\n      nodes {\n        id\n        name\n        gradeYear\n        academicYear {\n          id\n          label\n        }\n        homeroomTeacher {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassesPage {\n    classes(first: 100) {\n      nodes {\n        id\n        name\n        gradeYear\n        academicYear {\n          id\n          label\n        }\n        homeroomTeacher {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GradesPageSections {\n    mySections {\n      id\n      name\n      course {\n        id\n        code\n        subjectName\n        credits\n      }\n    }\n  }\n"): (typeof documents)["\n  query GradesPageSections {\n    mySections {\n      id\n      name\n      course {\n        id\n        code\n        subjectName\n        credits\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GradesPageSection($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on CourseSection {\n        name\n        course {\n          id\n          subjectName\n        }\n        enrolments {\n          id\n          termGrade\n          passed\n          makeupGrade\n          qualitativeNote\n          gradedAt\n          student {\n            id\n            studentNumber\n            name\n            seatNumber\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GradesPageSection($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on CourseSection {\n        name\n        course {\n          id\n          subjectName\n        }\n        enrolments {\n          id\n          termGrade\n          passed\n          makeupGrade\n          qualitativeNote\n          gradedAt\n          student {\n            id\n            studentNumber\n            name\n            seatNumber\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnterGrades($input: EnterGradesInput!) {\n    enterGrades(input: $input) {\n      enrolments {\n        id\n        termGrade\n        passed\n        makeupGrade\n        qualitativeNote\n        gradedAt\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EnterGrades($input: EnterGradesInput!) {\n    enterGrades(input: $input) {\n      enrolments {\n        id\n        termGrade\n        passed\n        makeupGrade\n        qualitativeNote\n        gradedAt\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HomePage_Me on Me {\n    displayName\n    roleLabels\n    sessionExpiresAt\n    viewerCanPublishTemplates\n    currentTerm {\n      id\n      label\n      rocPeriod\n    }\n    student {\n      id\n      studentNumber\n      name\n      nationalId\n      birthDate\n      cohortLabel\n      seatNumber\n      statusLabel\n      schoolClass {\n        id\n        name\n      }\n    }\n    homeroomClasses {\n      id\n      name\n      gradeYear\n    }\n  }\n"): (typeof documents)["\n  fragment HomePage_Me on Me {\n    displayName\n    roleLabels\n    sessionExpiresAt\n    viewerCanPublishTemplates\n    currentTerm {\n      id\n      label\n      rocPeriod\n    }\n    student {\n      id\n      studentNumber\n      name\n      nationalId\n      birthDate\n      cohortLabel\n      seatNumber\n      statusLabel\n      schoolClass {\n        id\n        name\n      }\n    }\n    homeroomClasses {\n      id\n      name\n      gradeYear\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeroomPage {\n    me {\n      id\n      homeroomClasses {\n        id\n        name\n        students {\n          id\n          seatNumber\n          studentNumber\n          name\n          statusLabel\n          enrolments {\n            id\n            termGrade\n            passed\n            section {\n              id\n              course {\n                id\n                subjectName\n              }\n            }\n          }\n          cadreRecords {\n            id\n            unit\n            position\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomeroomPage {\n    me {\n      id\n      homeroomClasses {\n        id\n        name\n        students {\n          id\n          seatNumber\n          studentNumber\n          name\n          statusLabel\n          enrolments {\n            id\n            termGrade\n            passed\n            section {\n              id\n              course {\n                id\n                subjectName\n              }\n            }\n          }\n          cadreRecords {\n            id\n            unit\n            position\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      me {\n        id\n      }\n      retryAfterSeconds\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      me {\n        id\n      }\n      retryAfterSeconds\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolsPage {\n    schools(first: 100) {\n      nodes {\n        id\n        code\n        name\n        divisionLabel\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchoolsPage {\n    schools(first: 100) {\n      nodes {\n        id\n        code\n        name\n        divisionLabel\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionsPage {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      expiresAt\n      userAgent\n      ip\n      isCurrent\n    }\n  }\n"): (typeof documents)["\n  query SessionsPage {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      expiresAt\n      userAgent\n      ip\n      isCurrent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revoked\n      userErrors {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revoked\n      userErrors {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere {\n    logout(input: { allSessions: true }) {\n      endedSessions\n    }\n  }\n"): (typeof documents)["\n  mutation LogoutEverywhere {\n    logout(input: { allSessions: true }) {\n      endedSessions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Shell_Me on Me {\n    id\n    kind\n    displayName\n    username\n    roleLabels\n    serverTime\n    currentTermLabel\n    viewerCanListStudents\n    viewerCanListClasses\n    viewerCanBrowseSchools\n    viewerCanEditTimeline\n    viewerCanEnterGrades\n    viewerCanViewHomeroom\n    viewerCanPublishTemplates\n    school {\n      id\n      displayName\n      code\n    }\n    authority {\n      id\n      name\n    }\n    currentTerm {\n      id\n      label\n      rocPeriod\n    }\n    ...HomePage_Me\n  }\n"): (typeof documents)["\n  fragment Shell_Me on Me {\n    id\n    kind\n    displayName\n    username\n    roleLabels\n    serverTime\n    currentTermLabel\n    viewerCanListStudents\n    viewerCanListClasses\n    viewerCanBrowseSchools\n    viewerCanEditTimeline\n    viewerCanEnterGrades\n    viewerCanViewHomeroom\n    viewerCanPublishTemplates\n    school {\n      id\n      displayName\n      code\n    }\n    authority {\n      id\n      name\n    }\n    currentTerm {\n      id\n      label\n      rocPeriod\n    }\n    ...HomePage_Me\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ServerClock {\n    serverClock {\n      now\n    }\n  }\n"): (typeof documents)["\n  subscription ServerClock {\n    serverClock {\n      now\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($input: LogoutInput) {\n    logout(input: $input) {\n      endedSessions\n    }\n  }\n"): (typeof documents)["\n  mutation Logout($input: LogoutInput) {\n    logout(input: $input) {\n      endedSessions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudentsPage($first: Int, $after: String, $classId: ID) {\n    students(first: $first, after: $after, classId: $classId) {\n      edges {\n        cursor\n        node {\n          id\n          studentNumber\n          name\n          nationalId\n          seatNumber\n          statusLabel\n          schoolClass {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudentsPage($first: Int, $after: String, $classId: ID) {\n    students(first: $first, after: $after, classId: $classId) {\n      edges {\n        cursor\n        node {\n          id\n          studentNumber\n          name\n          nationalId\n          seatNumber\n          statusLabel\n          schoolClass {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplatesPage {\n    me {\n      id\n      serverTime\n      viewerCanPublishTemplates\n      viewerCanEditTimeline\n    }\n    taskKinds {\n      kind\n      label\n      needsCategory\n    }\n    submissionCategories {\n      category\n      label\n    }\n    timelineTemplates(first: 50) {\n      nodes {\n        id\n        name\n        termKey\n        termLabel\n        publishedAt\n        tasks {\n          id\n          kind\n          category\n          label\n          startsAt\n          endsAt\n          earliestStart\n          latestEnd\n          rocWindow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TemplatesPage {\n    me {\n      id\n      serverTime\n      viewerCanPublishTemplates\n      viewerCanEditTimeline\n    }\n    taskKinds {\n      kind\n      label\n      needsCategory\n    }\n    submissionCategories {\n      category\n      label\n    }\n    timelineTemplates(first: 50) {\n      nodes {\n        id\n        name\n        termKey\n        termLabel\n        publishedAt\n        tasks {\n          id\n          kind\n          category\n          label\n          startsAt\n          endsAt\n          earliestStart\n          latestEnd\n          rocWindow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishTemplate($input: PublishTimelineTemplateInput!) {\n    publishTimelineTemplate(input: $input) {\n      template {\n        id\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishTemplate($input: PublishTimelineTemplateInput!) {\n    publishTimelineTemplate(input: $input) {\n      template {\n        id\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdoptTemplate($input: AdoptTimelineTemplateInput!) {\n    adoptTimelineTemplate(input: $input) {\n      tasks {\n        id\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdoptTemplate($input: AdoptTimelineTemplateInput!) {\n    adoptTimelineTemplate(input: $input) {\n      tasks {\n        id\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimelinePage {\n    me {\n      id\n      serverTime\n      viewerCanEditTimeline\n      currentTerm {\n        id\n        label\n      }\n    }\n    timeline {\n      id\n      kind\n      label\n      startsAt\n      endsAt\n      earliestStart\n      latestEnd\n      rocWindow\n      state\n      stateLabel\n      sections\n      system\n      notes\n      version\n    }\n  }\n"): (typeof documents)["\n  query TimelinePage {\n    me {\n      id\n      serverTime\n      viewerCanEditTimeline\n      currentTerm {\n        id\n        label\n      }\n    }\n    timeline {\n      id\n      kind\n      label\n      startsAt\n      endsAt\n      earliestStart\n      latestEnd\n      rocWindow\n      state\n      stateLabel\n      sections\n      system\n      notes\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTimelineTask($input: MoveTimelineTaskInput!) {\n    moveTimelineTask(input: $input) {\n      task {\n        id\n        startsAt\n        endsAt\n        rocWindow\n        state\n        stateLabel\n        version\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveTimelineTask($input: MoveTimelineTaskInput!) {\n    moveTimelineTask(input: $input) {\n      task {\n        id\n        startsAt\n        endsAt\n        rocWindow\n        state\n        stateLabel\n        version\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;