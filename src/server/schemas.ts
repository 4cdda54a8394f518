// JSON schemas of the API: they validate requests, shape responses and become the OpenAPI document.
// Numbers that may be unknown are `null`, never absent, so clients need one check, not two.

const nint = { type: ["integer", "null"] } as const;
const nnum = { type: ["number", "null"] } as const;
const nstr = { type: ["string", "null"] } as const;
export const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

export const errorSchema = {
  $id: "Error",
  type: "object",
  description: "Every error: a stable code and a human message.",
  properties: { error: { type: "string" }, message: { type: "string" } },
  required: ["error", "message"],
} as const;

export const rangeSchema = {
  $id: "Range",
  type: "object",
  description: "A reconciled figure: low / best / high (null = unknown).",
  properties: { low: nint, best: nint, high: nint },
  required: ["low", "best", "high"],
} as const;

export const partySchema = {
  $id: "Party",
  type: "object",
  properties: { name: { type: "string" }, name_ar: { type: "string" }, kind: { type: "string" }, country: { type: "string" } },
  required: ["name", "kind"],
} as const;

export const incidentSchema = {
  $id: "Incident",
  type: "object",
  properties: {
    id: { type: "string" },
    type: { type: "string" },
    date_start: nstr,
    date_end: nstr,
    date_precision: { type: "string" },
    place: {
      type: "object",
      properties: { name: nstr, name_ar: nstr, admin1: nstr, lat: nnum, lon: nnum, precision: nstr },
      required: ["name", "name_ar", "admin1", "lat", "lon", "precision"],
    },
    zone: nstr,
    killed: { $ref: "Range#" },
    injured: { $ref: "Range#" },
    status: { type: "string", description: "single_source | corroborated | contested | confirmed_by_party" },
    report_count: { type: "integer" },
    source_count: { type: "integer" },
    actors: { type: "array", items: { $ref: "Party#" } },
    targets: { type: "array", items: { $ref: "Party#" } },
    is_violation: { type: "boolean" },
    confidence: { type: "number" },
    updated_at: { type: "string" },
  },
  required: ["id", "type", "date_start", "date_end", "place", "zone", "killed", "injured", "status", "report_count", "source_count", "actors", "targets", "is_violation"],
} as const;

const free = { type: "object", additionalProperties: true } as const;
const freeOrNull = { type: ["object", "null"], additionalProperties: true } as const;

export const incidentDetailSchema = {
  $id: "IncidentDetail",
  type: "object",
  properties: {
    ...incidentSchema.properties,
    event_count: { type: "integer" },
    report_total: { type: "integer", description: "reports behind the incident; `reports` lists the first 100 by date" },
    sources: {
      type: "array",
      items: { type: "object", properties: { name: { type: "string" }, kind: { type: "string" }, report_id: { type: "string" } } },
    },
    reports: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" },
          outlet: nstr,
          url: nstr,
          published: nstr,
          title: nstr,
          text: { type: "string", description: "The report text as read; evidence offsets index into it. Plain text: never render as HTML." },
          events: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string" },
                type: { type: "string" },
                stance: { type: "string" },
                date: {
                  type: "object",
                  properties: { start: nstr, end: nstr, precision: { type: "string" }, text: { type: "string" } },
                },
                actors: { type: "array", items: free },
                targets: { type: "array", items: free },
                locations: { type: "array", items: free },
                fatalities: freeOrNull,
                injured: freeOrNull,
                sources: { type: "array", items: free },
                confidence: { type: "number" },
                evidence: {
                  type: "array",
                  description: "Spans [start,end) in the report text (-1 when the span could not be mapped) and the quoted sentence.",
                  items: {
                    type: "object",
                    properties: { start: { type: "integer" }, end: { type: "integer" }, quote: { type: "string" } },
                  },
                },
              },
            },
          },
        },
      },
    },
    figures: {
      type: "array",
      description: "Each source's own figures; `used` = entered the reconciled low/best/high.",
      items: {
        type: "object",
        properties: {
          id: { type: "integer" },
          source: { type: "string" },
          measure: { type: "string", description: "killed | injured" },
          low: nint,
          best: nint,
          high: nint,
          qualifier: { type: "string" },
          group: { type: "string" },
          text: { type: "string" },
          used: { type: "boolean" },
          report_id: { type: "string" },
          event_id: { type: "string" },
        },
      },
    },
    revisions: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "integer" },
          at: { type: "string" },
          field: { type: "string" },
          old_value: nstr,
          new_value: nstr,
          report_id: nstr,
        },
      },
    },
  },
} as const;

export const filterQueryProperties = {
  zone: { type: "string", maxLength: 100, description: "zone id, e.g. idlib" },
  type: { type: "string", maxLength: 500, description: "comma list of event types" },
  from: { type: "string", pattern: DATE_PATTERN, description: "first day (on date_start), YYYY-MM-DD" },
  to: { type: "string", pattern: DATE_PATTERN, description: "last day, inclusive" },
  bbox: { type: "string", maxLength: 200, description: "minLon,minLat,maxLon,maxLat" },
  party: { type: "string", maxLength: 200, description: "party name (English or Arabic) or kind, among actors or targets" },
  source: { type: "string", maxLength: 200, description: "source name or kind" },
  status: { type: "string", maxLength: 200, description: "comma list of statuses" },
  min_killed: { type: "integer", minimum: 0, description: "killed.best at least" },
} as const;

export const sharedSchemas = [errorSchema, rangeSchema, partySchema, incidentSchema, incidentDetailSchema];

export const errorResponses = {
  400: { $ref: "Error#" },
  404: { $ref: "Error#" },
} as const;
