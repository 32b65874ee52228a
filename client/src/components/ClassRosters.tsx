import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../gql';
import type { ClassRostersQuery } from '../gql/graphql';

const ClassRostersQueryDocument = graphql(`
  query ClassRosters($after: String) {
    classes(first: 100, after: $after, allYears: true) {
      nodes {
        id
        name
        gradeYear
        academicYear {
          id
          year
          label
        }
        students {
          id
          name
          studentNumber
          seatNumber
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type RosterClass = ClassRostersQuery['classes']['nodes'][number];
export type RosterStudent = RosterClass['students'][number];

export interface ClassRosters {
  /** Classes with at least one student the viewer may see, newest academic year first; null while loading. */
  classes: RosterClass[] | null;
  error: string | null;
  /** The student with this 學號 among the rosters the viewer sees, with their class. */
  findByNumber: (studentNumber: string) => { student: RosterStudent; schoolClass: RosterClass } | null;
  /** The class of a student among the rosters. */
  classOf: (studentId: string) => RosterClass | null;
}

/**
 * Every class of the school with the students the viewer may see in it (the API shows a class's students to its
 * homeroom teacher and to school admin staff), all pages loaded, so that picking by class and finding a student by
 * 學號 both work without another round trip.
 */
export function useClassRosters(): ClassRosters {
  const { data, error, fetchMore } = useQuery(ClassRostersQueryDocument);
  const hasNextPage = data?.classes.pageInfo.hasNextPage ?? false;
  const endCursor = data?.classes.pageInfo.endCursor ?? null;
  useEffect(() => {
    if (!hasNextPage || !endCursor) return;
    void fetchMore({
      variables: { after: endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        classes: {
          ...fetchMoreResult.classes,
          nodes: [...previous.classes.nodes, ...fetchMoreResult.classes.nodes],
        },
      }),
    });
  }, [hasNextPage, endCursor, fetchMore]);

  const classes =
    data && !hasNextPage
      ? data.classes.nodes
          .filter((schoolClass) => schoolClass.students.length > 0)
          .sort(
            (a, b) =>
              b.academicYear.year - a.academicYear.year || a.name.localeCompare(b.name, 'zh-TW', { numeric: true }),
          )
      : null;
  return {
    classes,
    error: error ? error.message : null,
    findByNumber: (studentNumber) => {
      const wanted = studentNumber.trim().toUpperCase();
      for (const schoolClass of classes ?? []) {
        const student = schoolClass.students.find((s) => s.studentNumber.toUpperCase() === wanted);
        if (student) return { student, schoolClass };
      }
      return null;
    },
    classOf: (studentId) => classes?.find((c) => c.students.some((s) => s.id === studentId)) ?? null,
  };
}

/** "301 班", with the academic year when the class is not of the newest one shown. */
export function classLabel(schoolClass: RosterClass, newestYear: number | undefined): string {
  return schoolClass.academicYear.year === newestYear
    ? `${schoolClass.name} 班`
    : `${schoolClass.name} 班（${schoolClass.academicYear.label}）`;
}

/** "3 號 王小明（10003）" */
export function studentLabel(student: RosterStudent): string {
  return `${student.seatNumber === null || student.seatNumber === undefined ? '' : `${student.seatNumber} 號 `}${student.name}（${student.studentNumber}）`;
}
