/** Turns a label table into type-graphql's valuesConfig, so every enum value carries its Chinese name in the schema. */
export function enumDescriptions<T extends string>(labels: Record<T, string>): Record<T, { description: string }> {
  return Object.fromEntries(
    Object.entries(labels).map(([key, label]) => [key, { description: label as string }]),
  ) as Record<T, { description: string }>;
}
