/* vonk-gen.c — writes an enterprise-size project into a database
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vonk-gen --database=FILE --employees=N [--seed=S]
 *
 * Adds one project of N people to FILE (created if missing) and prints its
 * ID. Everything else scales with N from the sizes at N = 100,000: 500
 * departments, 40 locations, 10,000 sessions with agendas of 4–6 blocks,
 * about 500,000 attendance rows, 2,000 milestones, barrier scores for the
 * organisation and every department, criteria with assessments,
 * countermeasures, objections heard, stories. The same seed gives the same
 * project.
 *
 * The rows go straight through vonk_store_insert() in one transaction, one
 * reused entity per table: vonk_project_add() would validate each row and
 * keep it in the project's lists, which costs far more than the writing.
 */

#include "config.h"

#include <stdlib.h>

#include "vonk-core.h"

#define BASE_EMPLOYEES 100000

static const char *first_names[] = {
  "Anna", "Johan", "Sanne", "Pieter", "Fatima", "Daan", "Emma", "Mohammed", "Lotte", "Jeroen",
  "Sophie", "Bram", "Julia", "Thomas", "Eva", "Lucas", "Lisa", "Sven", "Noor", "Ahmed",
  "Femke", "Ruben", "Iris", "Joris", "Mila", "Bas", "Zoë", "Kees", "Yara", "Hanna",
  "Tim", "Maud", "Wouter", "Fleur", "Koen", "Sara", "Gijs", "Ilse", "Rik", "Annelies",
};

static const char *last_names[] = {
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
  "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
  "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
  "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "Yilmaz", "El Amrani", "Schouten",
  "van Beek", "Willems", "Hoekstra", "Maas", "Verhoeven", "Koster", "Prins",
};

static const char *cities[] = {
  "Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda",
  "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Amersfoort", "Zwolle", "Leiden",
  "Maastricht", "Dordrecht", "Delft", "Antwerpen",
};

static const char *units[] = {
  "Sales", "Support", "Finance", "Logistics", "Marketing", "Research", "Legal", "Purchasing",
  "Human Resources", "IT Operations", "Communications", "Facilities", "Quality", "Planning",
  "Customer Success", "Engineering", "Data", "Security", "Training", "Procurement",
};

static const char *block_titles[] = {
  "Welcome", "Why we change", "Stories from colleagues", "Hands-on with the network",
  "Questions and objections", "Next steps", "Coffee", "Group exercise",
};

static const char *objection_texts[] = {
  "I have no time for this", "This is just another tool", "Management will read everything",
  "Our work is confidential", "Nobody reads what I post", "Email works fine",
  "I will say something wrong", "It is a fad", "My manager does not allow it",
  "It distracts from real work",
};

typedef struct
{
  VonkStore *store;
  gint64     project_id;
  GRand     *rand;
  GDate     *date;      /* scratch */
  guint64    rows;
} Gen;

/* Scales @base (the size at 100,000 employees) to @n employees, at least 1. */
static guint
scaled (guint  base,
        guint  n)
{
  guint64 v = (guint64) base * n / BASE_EMPLOYEES;

  return v > 0 ? (guint) v : 1;
}

static gboolean
insert (Gen        *gen,
        gpointer    entity,
        GError    **error)
{
  vonk_entity_set_id (entity, 0);
  gen->rows++;
  return vonk_store_insert (gen->store, gen->project_id, entity, error);
}

/* A date @days after 2025-01-01, in the scratch GDate. */
static GDate *
day (Gen  *gen,
     int   days)
{
  g_date_set_dmy (gen->date, 1, G_DATE_JANUARY, 2025);
  g_date_add_days (gen->date, days);
  return gen->date;
}

static int
pick (Gen *gen,
      int  n)
{
  return g_rand_int_range (gen->rand, 0, n);
}

/* An ID in the contiguous range @first … @first + @n - 1. */
static gint64
pick_id (Gen    *gen,
         gint64  first,
         guint   n)
{
  return first + g_rand_int_range (gen->rand, 0, (gint32) n);
}

static gboolean
generate (Gen      *gen,
          guint     n_people,
          GError  **error)
{
  guint n_locations = scaled (40, n_people);
  guint n_departments = scaled (500, n_people);
  guint n_sessions = scaled (10000, n_people);
  guint n_milestones = scaled (2000, n_people);
  guint n_countermeasures = scaled (200, n_people);
  guint n_stories = scaled (1000, n_people);
  guint n_heard = scaled (3000, n_people);
  guint n_objections = G_N_ELEMENTS (objection_texts);
  guint n_criteria = 40;
  guint per_session = MIN (50, n_people);
  gint64 first_location = 0, first_department = 0, first_person = 0, first_session = 0;
  gint64 first_objection = 0, first_criterion = 0;
  g_autoptr(GArray) champions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) managers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();

  {
    g_autoptr(VonkEntity) location = g_object_new (VONK_TYPE_LOCATION, NULL);

    for (guint i = 0; i < n_locations; i++)
      {
        g_autofree char *name = g_strdup_printf ("%s %u", cities[i % G_N_ELEMENTS (cities)],
                                                 (guint) (i / G_N_ELEMENTS (cities) + 1));

        g_object_set (location, "name", name, "city", cities[i % G_N_ELEMENTS (cities)], NULL);
        if (!insert (gen, location, error))
          return FALSE;
        if (i == 0)
          first_location = vonk_entity_get_id (location);
      }
  }

  {
    g_autoptr(VonkEntity) department = g_object_new (VONK_TYPE_DEPARTMENT, NULL);

    for (guint i = 0; i < n_departments; i++)
      {
        g_autofree char *name = g_strdup_printf ("%s %u", units[i % G_N_ELEMENTS (units)],
                                                 (guint) (i / G_N_ELEMENTS (units) + 1));

        g_object_set (department,
                      "name", name,
                      "location-id", first_location + (gint64) (i % n_locations),
                      "headcount", n_people / n_departments,
                      NULL);
        if (!insert (gen, department, error))
          return FALSE;
        if (i == 0)
          first_department = vonk_entity_get_id (department);
      }
  }

  {
    g_autoptr(VonkEntity) person = g_object_new (VONK_TYPE_PERSON, NULL);
    g_autoptr(GDate) since = g_date_new ();
    g_autoptr(GDate) until = g_date_new ();

    for (guint i = 0; i < n_people; i++)
      {
        const char *first = first_names[pick (gen, G_N_ELEMENTS (first_names))];
        const char *last = last_names[pick (gen, G_N_ELEMENTS (last_names))];
        g_autofree char *name = g_strdup_printf ("%s %s", first, last);
        g_autofree char *local = g_strdup_printf ("%s.%s.%u", first, last, i + 1);
        g_autofree char *lower = NULL;
        g_autofree char *email = NULL;
        int r = pick (gen, 1000);
        VonkRole role = r < 30 ? VONK_ROLE_TOP_MANAGEMENT
                      : r < 150 ? VONK_ROLE_MIDDLE_MANAGER
                                : VONK_ROLE_EMPLOYEE;
        int c = pick (gen, 1000);
        VonkChampionState champion = c < 12 ? VONK_CHAMPION_ACTIVE
                                   : c < 15 ? VONK_CHAMPION_ALUMNUS
                                            : VONK_CHAMPION_NONE;

        g_strdelimit (local, " ", '-');
        lower = g_ascii_strdown (local, -1);
        email = g_strconcat (lower, "@example.org", NULL);

        g_date_clear (since, 1);
        g_date_clear (until, 1);
        if (champion != VONK_CHAMPION_NONE)
          {
            g_date_set_dmy (since, 1, G_DATE_JANUARY, 2024);
            g_date_add_days (since, pick (gen, 500));
          }
        if (champion == VONK_CHAMPION_ALUMNUS)
          {
            *until = *since;
            g_date_add_days (until, 30 + pick (gen, 300));
          }

        g_object_set (person,
                      "name", name,
                      "department-id", first_department + (gint64) (i % n_departments),
                      "role", role,
                      "email", email,
                      "champion", champion,
                      "champion-since", champion != VONK_CHAMPION_NONE ? since : NULL,
                      "champion-joined", champion != VONK_CHAMPION_NONE
                                           ? VONK_JOINED_VOLUNTEERED + pick (gen, 3)
                                           : VONK_JOINED_UNKNOWN,
                      "champion-until", champion == VONK_CHAMPION_ALUMNUS ? until : NULL,
                      NULL);
        if (!insert (gen, person, error))
          return FALSE;
        if (i == 0)
          first_person = vonk_entity_get_id (person);
        if (champion == VONK_CHAMPION_ACTIVE)
          {
            gint64 id = vonk_entity_get_id (person);

            g_array_append_val (champions, id);
          }
        if (role != VONK_ROLE_EMPLOYEE)
          {
            gint64 id = vonk_entity_get_id (person);

            g_array_append_val (managers, id);
          }
      }
  }

  if (champions->len == 0)
    g_array_append_val (champions, first_person);
  if (managers->len == 0)
    g_array_append_val (managers, first_person);

#define CHAMPION() g_array_index (champions, gint64, pick (gen, (int) champions->len))
#define MANAGER() g_array_index (managers, gint64, pick (gen, (int) managers->len))

  {
    g_autoptr(VonkEntity) criterion = g_object_new (VONK_TYPE_CRITERION, NULL);
    g_autoptr(VonkEntity) assessment = g_object_new (VONK_TYPE_ASSESSMENT, NULL);

    for (guint i = 0; i < n_criteria; i++)
      {
        g_autofree char *title = g_strdup_printf ("Criterion %u of phase %u", i % 10 + 1,
                                                  i / 10 + 1);

        g_object_set (criterion,
                      "phase", (VonkPhase) (i / 10),
                      "position", i % 10,
                      "title", title,
                      "description", "What the organisation shows when this is met.",
                      "required", i % 3 != 0,
                      NULL);
        if (!insert (gen, criterion, error))
          return FALSE;
        if (i == 0)
          first_criterion = vonk_entity_get_id (criterion);
      }

    /* the organisation on every criterion, each department on a few */
    for (guint d = 0; d <= n_departments; d++)
      for (guint k = 0; k < (d == 0 ? n_criteria : 5); k++)
        {
          guint c = d == 0 ? k : (d * 7 + k) % n_criteria;

          g_object_set (assessment,
                        "criterion-id", first_criterion + (gint64) c,
                        "department-id", d == 0 ? (gint64) 0 : first_department + d - 1,
                        "state", (VonkAssessmentState) pick (gen, 3),
                        "evidence", "Seen in the monthly review",
                        "assessed-on", day (gen, pick (gen, 365)),
                        "assessor-id", MANAGER (),
                        NULL);
          if (!insert (gen, assessment, error))
            return FALSE;
        }
  }

  {
    g_autoptr(VonkEntity) milestone = g_object_new (VONK_TYPE_MILESTONE, NULL);

    for (guint i = 0; i < n_milestones; i++)
      {
        g_autofree char *title = g_strdup_printf ("Milestone %u", i + 1);

        g_object_set (milestone,
                      "phase", (VonkPhase) (i * VONK_N_PHASES / n_milestones),
                      "title", title,
                      "description", "Agreed in the steering group.",
                      "due-date", day (gen, (int) (i * 1000 / n_milestones)),
                      "status", (VonkMilestoneStatus) pick (gen, 4),
                      "owner-id", MANAGER (),
                      NULL);
        if (!insert (gen, milestone, error))
          return FALSE;
      }
  }

  {
    g_autoptr(VonkEntity) score = g_object_new (VONK_TYPE_BARRIER_SCORE, NULL);

    /* three scores a quarter apart per barrier, organisation and departments */
    for (guint d = 0; d <= n_departments; d++)
      for (guint b = 0; b < VONK_N_BARRIERS; b++)
        for (guint k = 0; k < 3; k++)
          {
            g_object_set (score,
                          "barrier", (VonkBarrier) b,
                          "department-id", d == 0 ? (gint64) 0 : first_department + d - 1,
                          "score", 1 + pick (gen, 5),
                          "scored-on", day (gen, (int) k * 91),
                          "note", k == 2 ? "After the workshops" : "",
                          NULL);
            if (!insert (gen, score, error))
              return FALSE;
          }
  }

  {
    g_autoptr(VonkEntity) measure = g_object_new (VONK_TYPE_COUNTERMEASURE, NULL);

    for (guint i = 0; i < n_countermeasures; i++)
      {
        g_autofree char *title = g_strdup_printf ("Countermeasure %u", i + 1);

        g_object_set (measure,
                      "barrier", (VonkBarrier) (i % VONK_N_BARRIERS),
                      "title", title,
                      "description", "Coaching and examples from peers.",
                      "owner-id", MANAGER (),
                      "department-id", i % 4 == 0 ? (gint64) 0
                                                  : pick_id (gen, first_department, n_departments),
                      "due-date", day (gen, pick (gen, 700)),
                      "status", (VonkMeasureStatus) pick (gen, 4),
                      NULL);
        if (!insert (gen, measure, error))
          return FALSE;
      }
  }

  {
    g_autoptr(VonkEntity) objection = g_object_new (VONK_TYPE_OBJECTION, NULL);

    for (guint i = 0; i < n_objections; i++)
      {
        g_object_set (objection,
                      "barrier", (VonkBarrier) (i % VONK_N_BARRIERS),
                      "text", objection_texts[i],
                      "answer", "Start small, with one colleague you trust.",
                      NULL);
        if (!insert (gen, objection, error))
          return FALSE;
        if (i == 0)
          first_objection = vonk_entity_get_id (objection);
      }
  }

  {
    g_autoptr(VonkEntity) template = g_object_new (VONK_TYPE_AGENDA_TEMPLATE, NULL);
    g_autoptr(VonkEntity) block = g_object_new (VONK_TYPE_TEMPLATE_BLOCK, NULL);
    const char *names[] = { "Inspiration session", "Workshop", "Meetup" };

    for (guint t = 0; t < G_N_ELEMENTS (names); t++)
      {
        g_object_set (template, "name", names[t], "kind", (VonkSessionKind) t, NULL);
        if (!insert (gen, template, error))
          return FALSE;
        for (guint k = 0; k < 5; k++)
          {
            g_object_set (block,
                          "template-id", vonk_entity_get_id (template),
                          "position", k,
                          "title", block_titles[k],
                          "minutes", 15,
                          NULL);
            if (!insert (gen, block, error))
              return FALSE;
          }
      }
  }

  {
    g_autoptr(VonkEntity) session = g_object_new (VONK_TYPE_SESSION, NULL);
    g_autoptr(VonkEntity) scope = g_object_new (VONK_TYPE_SESSION_SCOPE, NULL);
    g_autoptr(VonkEntity) block = g_object_new (VONK_TYPE_AGENDA_BLOCK, NULL);
    g_autoptr(VonkEntity) attendance = g_object_new (VONK_TYPE_ATTENDANCE, NULL);
    gint64 last_inspiration = 0;

    for (guint i = 0; i < n_sessions; i++)
      {
        VonkSessionKind kind = i % 5 == 0 ? VONK_SESSION_MEETUP
                             : i % 2 == 0 ? VONK_SESSION_INSPIRATION
                                          : VONK_SESSION_WORKSHOP;
        VonkScope scope_kind = (VonkScope) pick (gen, 3);
        int days = (int) ((guint64) i * 730 / n_sessions);
        gboolean held = days < 400;
        g_autoptr(GDateTime) starts_at = g_date_time_new (zone, 2025, 1, 1, 9 + pick (gen, 8),
                                                          0, 0);
        g_autoptr(GDateTime) when = g_date_time_add_days (starts_at, days);
        g_autofree char *title = g_strdup_printf ("%s %u",
                                                  kind == VONK_SESSION_MEETUP ? "Meetup"
                                                  : kind == VONK_SESSION_WORKSHOP ? "Workshop"
                                                                                  : "Inspiration",
                                                  i + 1);
        guint n_blocks = 4 + (guint) pick (gen, 3);
        guint start = (guint) pick (gen, (int) n_people);

        g_object_set (session,
                      "kind", kind,
                      "title", title,
                      "scope", scope_kind,
                      "starts-at", when,
                      "duration", 60 + 30 * pick (gen, 4),
                      "venue", cities[pick (gen, G_N_ELEMENTS (cities))],
                      "facilitator-id", CHAMPION (),
                      "capacity", 60,
                      "status", held ? VONK_SESSION_STATUS_HELD : VONK_SESSION_STATUS_PLANNED,
                      "follow-up-of", kind == VONK_SESSION_WORKSHOP ? last_inspiration : 0,
                      NULL);
        if (!insert (gen, session, error))
          return FALSE;
        if (i == 0)
          first_session = vonk_entity_get_id (session);
        if (kind == VONK_SESSION_INSPIRATION)
          last_inspiration = vonk_entity_get_id (session);

        if (scope_kind != VONK_SCOPE_COMPANY)
          {
            g_object_set (scope,
                          "session-id", vonk_entity_get_id (session),
                          "department-id", scope_kind == VONK_SCOPE_DEPARTMENT
                                             ? pick_id (gen, first_department, n_departments)
                                             : 0,
                          "location-id", scope_kind == VONK_SCOPE_LOCATION
                                           ? pick_id (gen, first_location, n_locations)
                                           : 0,
                          NULL);
            if (!insert (gen, scope, error))
              return FALSE;
          }

        for (guint k = 0; k < n_blocks; k++)
          {
            g_object_set (block,
                          "session-id", vonk_entity_get_id (session),
                          "position", k,
                          "title", block_titles[(k + i) % G_N_ELEMENTS (block_titles)],
                          "minutes", 10 + 5 * pick (gen, 5),
                          "description", k == 0 ? "Who is here and why" : "",
                          NULL);
            if (!insert (gen, block, error))
              return FALSE;
          }

        /* distinct people: consecutive from a random start */
        for (guint k = 0; k < per_session; k++)
          {
            int r = pick (gen, 100);
            VonkAttendanceStatus status = !held ? (r < 70 ? VONK_ATTENDANCE_REGISTERED
                                                  : r < 95 ? VONK_ATTENDANCE_INVITED
                                                           : VONK_ATTENDANCE_WAITING)
                                        : r < 85 ? VONK_ATTENDANCE_ATTENDED
                                                 : VONK_ATTENDANCE_NO_SHOW;

            g_object_set (attendance,
                          "session-id", vonk_entity_get_id (session),
                          "person-id", first_person + (gint64) ((start + k) % n_people),
                          "status", status,
                          "enthusiastic", status == VONK_ATTENDANCE_ATTENDED && r < 20,
                          "pulse", status == VONK_ATTENDANCE_ATTENDED ? 1 + pick (gen, 5) : 0,
                          NULL);
            if (!insert (gen, attendance, error))
              return FALSE;
          }
      }
  }

  {
    g_autoptr(VonkEntity) heard = g_object_new (VONK_TYPE_OBJECTION_HEARD, NULL);

    for (guint i = 0; i < n_heard; i++)
      {
        g_object_set (heard,
                      "objection-id", pick_id (gen, first_objection, n_objections),
                      "session-id", pick_id (gen, first_session, n_sessions),
                      "department-id", pick_id (gen, first_department, n_departments),
                      "heard-on", day (gen, pick (gen, 400)),
                      NULL);
        if (!insert (gen, heard, error))
          return FALSE;
      }
  }

  {
    g_autoptr(VonkEntity) story = g_object_new (VONK_TYPE_STORY, NULL);

    for (guint i = 0; i < n_stories; i++)
      {
        g_autofree char *title = g_strdup_printf ("How a team found its answer %u", i + 1);

        g_object_set (story,
                      "title", title,
                      "told-on", day (gen, pick (gen, 600)),
                      "champion-id", CHAMPION (),
                      "department-id", pick_id (gen, first_department, n_departments),
                      "shared-where", i % 2 ? "Intranet" : "Town hall",
                      "reach", pick (gen, 2000),
                      "summary", "A question asked in the open was answered within the hour.",
                      NULL);
        if (!insert (gen, story, error))
          return FALSE;
      }
  }

#undef CHAMPION
#undef MANAGER

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(VonkProject) project = NULL;
  g_autofree char *database = NULL;
  g_autofree char *name = NULL;
  int employees = BASE_EMPLOYEES;
  gint64 seed = 1;
  Gen gen = { 0 };
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database to add to", "FILE" },
    { "employees", 0, 0, G_OPTION_ARG_INT, &employees, "How many people (100000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random choices (1)", "S" },
    { NULL }
  };

  g_option_context_set_summary (context, "Writes an enterprise-size Vonk project and prints "
                                         "its ID.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vonk-gen: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (database == NULL || employees < 1)
    {
      g_printerr ("vonk-gen: --database=FILE and --employees=N (N ≥ 1) are needed\n");
      return EXIT_FAILURE;
    }

  store = vonk_store_new (database, &error);
  if (store == NULL)
    {
      g_printerr ("vonk-gen: %s\n", error->message);
      return EXIT_FAILURE;
    }

  name = g_strdup_printf ("Enterprise of %d", employees);
  project = vonk_project_new (name);
  g_object_set (project, "organisation", "Benchmark Holding", NULL);

  gen.store = store;
  gen.rand = g_rand_new_with_seed ((guint32) seed);
  gen.date = g_date_new ();

  if (!vonk_store_begin (store, &error))
    {
      g_printerr ("vonk-gen: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (!vonk_store_add_project (store, project, &error) ||
      (gen.project_id = vonk_entity_get_id (VONK_ENTITY (project)),
       !generate (&gen, (guint) employees, &error)))
    {
      vonk_store_rollback (store);
      g_printerr ("vonk-gen: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (!vonk_store_commit (store, &error))
    {
      g_printerr ("vonk-gen: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_rand_free (gen.rand);
  g_date_free (gen.date);
  g_print ("%" G_GINT64_FORMAT "\n", gen.project_id);
  return EXIT_SUCCESS;
}
