/* vonk-demo.c — a realistic fictional project to start from
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zilverberg Verzekeringen is a fictional Dutch insurer of about a thousand
 * people at three sites, fourteen months into its road from Dialogue to
 * Social business. Everything here comes from static tables: names are
 * combined from two fixed lists by index arithmetic and every date is an
 * offset from "today", so the demo is the same each time and always looks
 * current. Texts are English source strings that go through gettext when
 * they are inserted; names of people and cities are not translated.
 */

#define G_LOG_DOMAIN "vonk-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vonk-demo.h"
#include "vonk-entities.h"
#include "vonk-enums.h"
#include "vonk-labels.h"
#include "vonk-phase.h"

#define ORGANISATION "Zilverberg Verzekeringen"
#define MAIL_DOMAIN  "zilverberg.example"
#define MEET_LINK    "https://meet.zilverberg.example/social"

#define PROJECT_START_DAY  (-425) /* about fourteen months ago */
#define PROJECT_TARGET_DAY 730    /* two years ahead */

/* ------------------------------------------------------------------------
 * The organisation
 * ------------------------------------------------------------------------ */

enum
{
  LOC_UTRECHT,
  LOC_ZWOLLE,
  LOC_EINDHOVEN,
  N_LOCATIONS
};

typedef struct
{
  const char *name;
  const char *city;
} LocationInfo;

static const LocationInfo locations[N_LOCATIONS] = {
  [LOC_UTRECHT] = { N_("Head office"), "Utrecht" },
  [LOC_ZWOLLE] = { N_("Service centre"), "Zwolle" },
  /* Translators: the site where insurance claims are handled */
  [LOC_EINDHOVEN] = { N_("Claims centre"), "Eindhoven" },
};

enum
{
  DEPT_BOARD,
  DEPT_SERVICE,
  DEPT_CLAIMS,
  DEPT_UNDERWRITING,
  DEPT_SALES,
  DEPT_MARKETING,
  DEPT_IT,
  DEPT_HR,
  N_DEPARTMENTS
};

/* In place of a department: the organisation as a whole. */
#define WHOLE_ORGANISATION G_MAXUINT

typedef struct
{
  const char *name;
  guint       location;
  int         headcount;
  guint       n_people;  /* of them entered by name */
  guint       n_top;     /* the first n_top people are top management */
} DepartmentInfo;

/* After the top managers (if any) comes the department's manager, then
 * the employees. */
static const DepartmentInfo departments[N_DEPARTMENTS] = {
  [DEPT_BOARD] = { N_("Executive Board and Staff"), LOC_UTRECHT, 30, 8, 4 },
  [DEPT_SERVICE] = { N_("Customer Service"), LOC_ZWOLLE, 260, 22, 0 },
  /* Translators: the insurance department that handles claims */
  [DEPT_CLAIMS] = { N_("Claims"), LOC_EINDHOVEN, 230, 20, 0 },
  /* Translators: the insurance department that assesses and accepts risks */
  [DEPT_UNDERWRITING] = { N_("Underwriting"), LOC_UTRECHT, 140, 14, 0 },
  [DEPT_SALES] = { N_("Sales and Broker Relations"), LOC_UTRECHT, 110, 14, 0 },
  [DEPT_MARKETING] = { N_("Marketing and Communications"), LOC_UTRECHT, 55, 12, 0 },
  /* Translators: the department for information technology */
  [DEPT_IT] = { N_("IT"), LOC_ZWOLLE, 170, 18, 0 },
  /* Translators: the department for human resources */
  [DEPT_HR] = { N_("HR"), LOC_UTRECHT, 45, 12, 0 },
};

#define N_PEOPLE 120

/* Person names are not translated. 40 × 40 combinations, of which person i
 * takes first name i % 40 and surname (17 i + i / 40) % 40: no two people
 * share both. */
static const char * const first_names[] = {
  "Anouk", "Bram", "Daan", "Daniëlle", "Eva", "Fleur", "Hanneke", "Iris",
  "Jeroen", "Joost", "Karin", "Kees", "Lars", "Lieke", "Lotte", "Maarten",
  "Marieke", "Mohamed", "Niels", "Noor", "Pieter", "Priya", "Ruben", "Sanne",
  "Sem", "Sophie", "Stijn", "Thijs", "Tim", "Wouter", "Yusuf", "Zoë",
  "Anton", "Bas", "Chantal", "Dewi", "Esther", "Femke", "Gijs", "Hatice",
};

static const char * const surnames[] = {
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
  "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
  "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
  "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan",
  "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
  "Postma", "van der Heijden", "Schouten", "Öztürk", "Şahin", "Kaya",
};

G_STATIC_ASSERT (G_N_ELEMENTS (first_names) == 40);
G_STATIC_ASSERT (G_N_ELEMENTS (surnames) == 40);

/* A person by department and place in it. */
typedef struct
{
  guint department;
  guint index;
} PersonRef;

#define CEO              { DEPT_BOARD, 0 }
#define CFO              { DEPT_BOARD, 1 }
#define COO              { DEPT_BOARD, 2 }
#define CIO              { DEPT_BOARD, 3 }
#define LEAD             { DEPT_BOARD, 5 } /* the change manager */
#define MANAGER(d)       { (d), (d) == DEPT_BOARD ? 4 : 0 }
#define PERSON(d, i)     { (d), (i) }

static const struct
{
  PersonRef   who;
  const char *note;
} person_notes[] = {
  { LEAD, N_("Programme lead for social business and owner of this plan.") },
  { CIO, N_("Sponsor of the internal network on the board.") },
};

typedef struct
{
  PersonRef         who;
  VonkChampionState state;
  VonkJoined        joined;
  int               since;  /* days from today */
  int               until;  /* days from today, for a former champion */
  const char       *note;
} ChampionInfo;

static const ChampionInfo champions[] = {
  { PERSON (DEPT_SERVICE, 3), VONK_CHAMPION_ACTIVE, VONK_JOINED_VOLUNTEERED, -262, 0,
    N_("Runs the webcare team's own group; first to volunteer.") },
  { PERSON (DEPT_SERVICE, 8), VONK_CHAMPION_ACTIVE, VONK_JOINED_VOLUNTEERED, -240, 0, NULL },
  { PERSON (DEPT_SERVICE, 15), VONK_CHAMPION_ACTIVE, VONK_JOINED_PEER_NOMINATED, -120, 0,
    N_("Nominated by colleagues who already came to this champion with their questions.") },
  { PERSON (DEPT_CLAIMS, 5), VONK_CHAMPION_ACTIVE, VONK_JOINED_VOLUNTEERED, -45, 0, NULL },
  { PERSON (DEPT_CLAIMS, 11), VONK_CHAMPION_ALUMNUS, VONK_JOINED_VOLUNTEERED, -250, -60,
    N_("Stepped down after moving to a project role; still helps colleagues informally.") },
  { PERSON (DEPT_SALES, 4), VONK_CHAMPION_ACTIVE, VONK_JOINED_MANAGER_NOMINATED, -180, 0,
    N_("Nominated by the team manager; check regularly that the role still fits.") },
  { PERSON (DEPT_MARKETING, 2), VONK_CHAMPION_ACTIVE, VONK_JOINED_VOLUNTEERED, -265, 0, NULL },
  { PERSON (DEPT_MARKETING, 6), VONK_CHAMPION_ACTIVE, VONK_JOINED_VOLUNTEERED, -265, 0, NULL },
  { PERSON (DEPT_MARKETING, 9), VONK_CHAMPION_ACTIVE, VONK_JOINED_PEER_NOMINATED, -150, 0, NULL },
  { PERSON (DEPT_IT, 3), VONK_CHAMPION_ACTIVE, VONK_JOINED_VOLUNTEERED, -200, 0,
    N_("Knows the platform inside out and explains it without jargon.") },
  { PERSON (DEPT_IT, 12), VONK_CHAMPION_ACTIVE, VONK_JOINED_VOLUNTEERED, -200, 0, NULL },
  { PERSON (DEPT_HR, 2), VONK_CHAMPION_ACTIVE, VONK_JOINED_VOLUNTEERED, -230, 0, NULL },
  { PERSON (DEPT_HR, 7), VONK_CHAMPION_ACTIVE, VONK_JOINED_VOLUNTEERED, -100, 0, NULL },
};

/* ------------------------------------------------------------------------
 * The roadmap
 * ------------------------------------------------------------------------ */

/* The organisation's own assessment and those of some departments, against
 * Vonk's default criteria (vonk_phase_add_default_criteria()), each named
 * by its phase and position there. The organisation's history: Presence
 * about a year ago, Dialogue a few months ago once time was set aside for
 * answering online, Engagement partly under way, and the field's rule not
 * met, so Social business is out of reach. Departments stand apart:
 * Marketing and Communications is in Engagement, Customer Service and IT in
 * Dialogue, Claims and HR still in Presence, Underwriting not even there;
 * Sales and the board have not been assessed. */
typedef struct
{
  guint               department; /* or WHOLE_ORGANISATION */
  VonkPhase           phase;
  int                 position;
  VonkAssessmentState state;
  int                 day;
  PersonRef           assessor;
  const char         *evidence;
} AssessmentInfo;

#define P(position) VONK_PHASE_PRESENCE, (position)
#define D(position) VONK_PHASE_DIALOGUE, (position)
#define E(position) VONK_PHASE_ENGAGEMENT, (position)
#define S(position) VONK_PHASE_SOCIAL_BUSINESS, (position)
#define MET         VONK_ASSESSMENT_MET
#define PARTLY      VONK_ASSESSMENT_PARTLY
#define NOT_MET     VONK_ASSESSMENT_NOT_MET

static const AssessmentInfo assessments[] = {
  /* Presence: listening only became a routine after the kick-off */
  { WHOLE_ORGANISATION, P (0), MET, -400, LEAD,
    N_("Marketing ran a company page and IT a pilot network before the project began.") },
  { WHOLE_ORGANISATION, P (1), PARTLY, -400, LEAD,
    N_("Marketing looks at what is said online now and then, without a routine.") },
  { WHOLE_ORGANISATION, P (1), MET, -360, MANAGER (DEPT_MARKETING),
    N_("Brand mentions are monitored since last spring; a monthly summary goes to "
       "Marketing.") },
  { WHOLE_ORGANISATION, P (2), MET, -360, CIO,
    N_("The board approved a one-year pilot budget for the internal network.") },

  /* Dialogue: partly met for months, met since time was set aside */
  { WHOLE_ORGANISATION, D (0), PARTLY, -270, LEAD,
    N_("Marketing posts campaigns; questions that arrive online wait until someone "
       "notices them.") },
  { WHOLE_ORGANISATION, D (1), NOT_MET, -270, LEAD,
    N_("Answering online is done on top of the normal work.") },
  { WHOLE_ORGANISATION, D (2), PARTLY, -270, LEAD,
    N_("A draft of the guidelines is being discussed with the works council.") },
  { WHOLE_ORGANISATION, D (2), MET, -240, MANAGER (DEPT_MARKETING),
    N_("The guidelines were published on the intranet and discussed in every session.") },
  { WHOLE_ORGANISATION, D (0), MET, -180, MANAGER (DEPT_SERVICE),
    N_("Webcare answers questions on three platforms seven days a week.") },
  { WHOLE_ORGANISATION, D (1), PARTLY, -180, LEAD,
    N_("Customer Service has webcare shifts; Claims answers online questions only when "
       "there is time left.") },
  { WHOLE_ORGANISATION, D (3), MET, -150, PERSON (DEPT_MARKETING, 2),
    N_("Marketing keeps a shared calendar; Customer Service adds service messages.") },
  { WHOLE_ORGANISATION, D (1), MET, -90, LEAD,
    N_("The departments that get questions online have hours set aside for answering "
       "them.") },

  /* Engagement: under way */
  { WHOLE_ORGANISATION, E (3), MET, -60, LEAD,
    N_("The board asks for the social figures in every quarterly review.") },
  { WHOLE_ORGANISATION, E (1), PARTLY, -30, LEAD,
    N_("The hub team has been named but meets only once a month.") },
  { WHOLE_ORGANISATION, E (0), PARTLY, -14, LEAD,
    N_("Customer Service and IT solve problems together in an open group; other "
       "departments stay in their own groups.") },
  { WHOLE_ORGANISATION, E (2), NOT_MET, -14, CFO,
    N_("The quarterly report lists followers and likes only.") },
  { WHOLE_ORGANISATION, E (4), PARTLY, -14, LEAD,
    N_("HR recruits through colleagues' networks; Sales has only just started.") },

  /* Social business: the field's rule keeps it out of reach */
  { WHOLE_ORGANISATION, S (2), NOT_MET, -270, LEAD,
    N_("No board member posts or responds online.") },
  { WHOLE_ORGANISATION, S (2), PARTLY, -90, LEAD,
    N_("Two of the four board members now post now and then; the others leave it to "
       "Marketing.") },
  { WHOLE_ORGANISATION, S (0), NOT_MET, -14, LEAD,
    N_("Outside the champions' meet-ups little is shared between departments.") },
  { WHOLE_ORGANISATION, S (1), NOT_MET, -14, LEAD,
    N_("Marketing and IT still decide on everything social; the other departments "
       "follow.") },

  /* Marketing and Communications: ahead, in Engagement */
  { DEPT_MARKETING, P (0), MET, -330, MANAGER (DEPT_MARKETING), NULL },
  { DEPT_MARKETING, P (1), MET, -330, MANAGER (DEPT_MARKETING), NULL },
  { DEPT_MARKETING, D (0), MET, -240, MANAGER (DEPT_MARKETING), NULL },
  { DEPT_MARKETING, D (2), MET, -240, MANAGER (DEPT_MARKETING), NULL },
  { DEPT_MARKETING, D (1), MET, -200, MANAGER (DEPT_MARKETING), NULL },
  { DEPT_MARKETING, E (3), MET, -60, LEAD, NULL },
  { DEPT_MARKETING, E (0), MET, -30, LEAD, NULL },
  { DEPT_MARKETING, E (1), MET, -30, LEAD, NULL },
  { DEPT_MARKETING, E (2), MET, -30, LEAD, NULL },
  { DEPT_MARKETING, S (1), NOT_MET, -30, LEAD, NULL },

  /* Customer Service: in Dialogue, Engagement partly */
  { DEPT_SERVICE, P (0), MET, -300, MANAGER (DEPT_SERVICE), NULL },
  { DEPT_SERVICE, P (1), MET, -300, MANAGER (DEPT_SERVICE), NULL },
  { DEPT_SERVICE, D (0), MET, -210, MANAGER (DEPT_SERVICE), NULL },
  { DEPT_SERVICE, D (1), MET, -210, MANAGER (DEPT_SERVICE), NULL },
  { DEPT_SERVICE, D (2), MET, -180, MANAGER (DEPT_SERVICE), NULL },
  { DEPT_SERVICE, E (0), PARTLY, -30, LEAD, NULL },
  { DEPT_SERVICE, E (2), PARTLY, -30, LEAD, NULL },

  /* IT: in Dialogue since two months */
  { DEPT_IT, P (0), MET, -330, MANAGER (DEPT_IT), NULL },
  { DEPT_IT, P (1), PARTLY, -330, MANAGER (DEPT_IT), NULL },
  { DEPT_IT, P (1), MET, -250, MANAGER (DEPT_IT), NULL },
  { DEPT_IT, D (0), PARTLY, -150, MANAGER (DEPT_IT), NULL },
  { DEPT_IT, D (0), MET, -60, MANAGER (DEPT_IT), NULL },
  { DEPT_IT, D (1), MET, -60, MANAGER (DEPT_IT), NULL },
  { DEPT_IT, D (2), MET, -60, MANAGER (DEPT_IT), NULL },

  /* Claims: still in Presence */
  { DEPT_CLAIMS, P (0), MET, -250, LEAD, NULL },
  { DEPT_CLAIMS, P (1), MET, -120, LEAD, NULL },
  { DEPT_CLAIMS, D (0), NOT_MET, -120, LEAD, NULL },
  { DEPT_CLAIMS, D (1), PARTLY, -45, LEAD, NULL },

  /* HR: in Presence, guidelines already in use */
  { DEPT_HR, P (0), MET, -230, MANAGER (DEPT_HR), NULL },
  { DEPT_HR, P (1), MET, -100, MANAGER (DEPT_HR), NULL },
  { DEPT_HR, D (2), MET, -100, MANAGER (DEPT_HR), NULL },

  /* Underwriting: not yet present */
  { DEPT_UNDERWRITING, P (0), PARTLY, -120, LEAD, NULL },
};

#undef P
#undef D
#undef E
#undef S
#undef MET
#undef PARTLY
#undef NOT_MET

typedef struct
{
  VonkPhase           phase;
  const char         *title;
  const char         *description;
  int                 due;
  VonkMilestoneStatus status;
  PersonRef           owner;
} MilestoneInfo;

static const MilestoneInfo milestones[] = {
  { VONK_PHASE_PRESENCE, N_("Kick-off with the executive board"),
    N_("The board agrees on the ambition, the budget and its own role as role model."),
    -410, VONK_MILESTONE_DONE, LEAD },
  { VONK_PHASE_PRESENCE, N_("Baseline survey of social media use"),
    N_("Who uses what, for what, and what holds people back."),
    -380, VONK_MILESTONE_DONE, LEAD },
  { VONK_PHASE_PRESENCE, N_("Social listening set up"),
    N_("Monitoring of what customers and brokers say about Zilverberg online."),
    -350, VONK_MILESTONE_DONE, MANAGER (DEPT_MARKETING) },
  { VONK_PHASE_PRESENCE, N_("First organisation-wide inspiration session"),
    N_("A voluntary session for all staff on why social business matters to them."),
    -300, VONK_MILESTONE_DONE, LEAD },

  { VONK_PHASE_DIALOGUE, N_("Social media guidelines published"),
    N_("Short, trust-building guidelines instead of a list of prohibitions."),
    -240, VONK_MILESTONE_DONE, MANAGER (DEPT_MARKETING) },
  { VONK_PHASE_DIALOGUE, N_("Webcare team staffed"),
    N_("Customer Service answers questions and complaints online in fixed shifts."),
    -210, VONK_MILESTONE_DONE, MANAGER (DEPT_SERVICE) },
  { VONK_PHASE_DIALOGUE, N_("Content calendar for all channels"),
    N_("One shared plan for what is published where and by whom."),
    -150, VONK_MILESTONE_DONE, PERSON (DEPT_MARKETING, 2) },
  { VONK_PHASE_DIALOGUE, N_("Internal network open to all staff"),
    N_("Every colleague has an account and knows where to find help."),
    -20, VONK_MILESTONE_IN_PROGRESS, MANAGER (DEPT_IT) },
  { VONK_PHASE_DIALOGUE, N_("A champion in every department"),
    N_("At least one active champion per department, about one per hundred colleagues."),
    -5, VONK_MILESTONE_PLANNED, LEAD },

  { VONK_PHASE_ENGAGEMENT, N_("Customer panel co-designs the claims app"),
    N_("Customers test and improve the new claims app in an online panel."),
    60, VONK_MILESTONE_PLANNED, MANAGER (DEPT_CLAIMS) },
  { VONK_PHASE_ENGAGEMENT, N_("Social hub team formed"),
    N_("A multidisciplinary team coordinates social initiatives across departments."),
    120, VONK_MILESTONE_IN_PROGRESS, LEAD },
  { VONK_PHASE_ENGAGEMENT, N_("Results reported in business terms"),
    N_("The quarterly report shows customer satisfaction, handling time and NPS."),
    200, VONK_MILESTONE_PLANNED, CFO },
  { VONK_PHASE_ENGAGEMENT, N_("Recruitment through colleagues' networks"),
    N_("HR fills vacancies with the help of what colleagues share."),
    260, VONK_MILESTONE_PLANNED, MANAGER (DEPT_HR) },

  { VONK_PHASE_SOCIAL_BUSINESS, N_("Board members post and respond themselves"),
    N_("Every board member is visibly active on the internal network and outside."),
    400, VONK_MILESTONE_PLANNED, CEO },
  { VONK_PHASE_SOCIAL_BUSINESS, N_("Governance for social ways of working agreed"),
    N_("Owners, decision rights and risk handling, with a board-level sponsor."),
    480, VONK_MILESTONE_PLANNED, COO },
  { VONK_PHASE_SOCIAL_BUSINESS, N_("Claims handled across departments on the platform"),
    N_("Customer Service, Claims and Underwriting work on complex claims in one place."),
    600, VONK_MILESTONE_PLANNED, MANAGER (DEPT_CLAIMS) },
  { VONK_PHASE_SOCIAL_BUSINESS, N_("Social strategy part of the business plan"),
    N_("The business plan names the goals that social ways of working serve."),
    700, VONK_MILESTONE_PLANNED, CEO },
};

/* ------------------------------------------------------------------------
 * Barriers
 * ------------------------------------------------------------------------ */

typedef struct
{
  VonkBarrier barrier;
  int         scores[5];
  const char *notes[5];
} BarrierHistory;

/* The organisation's scores on these days, oldest first. */
static const int history_days[5] = { -360, -270, -180, -90, -14 };

static const BarrierHistory barrier_history[VONK_N_BARRIERS] = {
  { VONK_BARRIER_MIDDLE_MANAGEMENT, { 3, 4, 4, 4, 4 },
    { N_("Managers are hardly involved yet; no real resistance either."),
      N_("Managers in Claims did not free up their people for the sessions."),
      NULL, NULL,
      N_("Still the main brake: many managers neither attend nor nominate people.") } },
  { VONK_BARRIER_HOLISTIC_THINKING, { 4, 4, 3, 3, 3 },
    { N_("The network is run by IT alone and seen as an IT tool."),
      NULL,
      N_("A bridge-builder has been appointed and the first mixed workshop was held."),
      NULL, NULL } },
  { VONK_BARRIER_CULTURE, { 5, 4, 4, 3, 3 },
    { N_("The board is absent online; “we have always done it this way”."),
      NULL, NULL,
      N_("Early successes are shared in the staff meeting; two board members now post."),
      NULL } },
  { VONK_BARRIER_FEAR, { 4, 4, 3, 3, 2 },
    { N_("Fear of wasted time and of unsuitable posts dominates."),
      NULL,
      N_("The security briefing took away the worst worries."),
      NULL,
      N_("Objections about time have become rare in sessions.") } },
};

/* Current scores of the departments that have been scored, in barrier
 * order. */
static const struct
{
  guint department;
  int   scores[VONK_N_BARRIERS];
} department_scores[] = {
  { DEPT_SERVICE, { 3, 3, 2, 2 } },
  { DEPT_CLAIMS, { 5, 4, 4, 3 } },
  { DEPT_UNDERWRITING, { 4, 4, 4, 4 } },
  { DEPT_MARKETING, { 2, 3, 2, 1 } },
  { DEPT_IT, { 3, 4, 3, 2 } },
  { DEPT_HR, { 3, 3, 2, 2 } },
};

#define DEPARTMENT_SCORE_DAY (-14)

typedef struct
{
  VonkBarrier       barrier;
  const char       *title;
  const char       *description;
  PersonRef         owner;
  guint             department; /* or WHOLE_ORGANISATION */
  int               due;
  VonkMeasureStatus status;
  const char       *notes;
} CountermeasureInfo;

static const CountermeasureInfo countermeasures[] = {
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Brief managers before their teams"),
    N_("Each manager hears the plan and their own part in it a week before their team is "
       "invited."),
    LEAD, WHOLE_ORGANISATION, -210, VONK_MEASURE_DONE,
    N_("Done for all managers; repeat for every new manager.") },
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Managers as facilitators"),
    N_("Give managers the role of getting their team familiar with the new way of working, "
       "with support, tools and a short guide."),
    MANAGER (DEPT_HR), WHOLE_ORGANISATION, 30, VONK_MEASURE_ACTIVE, NULL },
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Team successes count in managers' reviews"),
    N_("The adoption and successes of a manager's team are discussed in the manager's "
       "annual review."),
    COO, WHOLE_ORGANISATION, -12, VONK_MEASURE_PLANNED,
    N_("Waiting for a decision by the board.") },
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Claims managers sponsor the next workshop"),
    N_("The managers in Claims invite their own people and open the workshop themselves."),
    MANAGER (DEPT_CLAIMS), DEPT_CLAIMS, 21, VONK_MEASURE_ACTIVE, NULL },

  { VONK_BARRIER_HOLISTIC_THINKING, N_("Appoint a bridge-builder"),
    N_("One person connects the departments, spots shared use cases and keeps the view at "
       "the level of the whole organisation."),
    LEAD, WHOLE_ORGANISATION, -150, VONK_MEASURE_DONE, NULL },
  { VONK_BARRIER_HOLISTIC_THINKING, N_("Mixed-department workshops"),
    N_("Workshops bring people from different departments together around one shared "
       "question."),
    PERSON (DEPT_MARKETING, 2), WHOLE_ORGANISATION, 45, VONK_MEASURE_ACTIVE, NULL },
  { VONK_BARRIER_HOLISTIC_THINKING, N_("Shared use case: the claims journey"),
    N_("Customer Service, Claims and Underwriting handle one complex claim together on the "
       "network and judge the result together."),
    PERSON (DEPT_SERVICE, 3), DEPT_CLAIMS, 120, VONK_MEASURE_PLANNED, NULL },

  { VONK_BARRIER_CULTURE, N_("Every board member hosts a session"),
    N_("Top management sets the example: each board member opens or hosts an inspiration "
       "session."),
    CEO, WHOLE_ORGANISATION, 35, VONK_MEASURE_ACTIVE, NULL },
  { VONK_BARRIER_CULTURE, N_("Celebrate successes in the staff meeting"),
    N_("Every monthly staff meeting opens with a success story told by a champion."),
    MANAGER (DEPT_MARKETING), WHOLE_ORGANISATION, 60, VONK_MEASURE_ACTIVE, NULL },

  { VONK_BARRIER_FEAR, N_("Guidelines that build trust"),
    N_("Short guidelines that say what is possible rather than what is forbidden."),
    MANAGER (DEPT_MARKETING), WHOLE_ORGANISATION, -240, VONK_MEASURE_DONE, NULL },
  { VONK_BARRIER_FEAR, N_("Security briefing in every session"),
    N_("Ten minutes from IT security on what may and may not be shared."),
    MANAGER (DEPT_IT), WHOLE_ORGANISATION, -100, VONK_MEASURE_DONE, NULL },
  { VONK_BARRIER_FEAR, N_("A time-saving example for each department"),
    N_("Collect one clear application per department that shows time gained rather than "
       "lost."),
    LEAD, WHOLE_ORGANISATION, 14, VONK_MEASURE_ACTIVE, NULL },
};

enum
{
  OBJ_TIME,
  OBJ_EMBARRASS,
  OBJ_DATA,
  OBJ_BYPASS,
  OBJ_WHO_DECIDES,
  OBJ_IT_TOOL,
  OBJ_ALWAYS,
  OBJ_BOARD,
  N_OBJECTIONS
};

static const struct
{
  VonkBarrier barrier;
  const char *text;
  const char *answer;
} objections[N_OBJECTIONS] = {
  [OBJ_TIME] = { VONK_BARRIER_FEAR, N_("This will eat time I do not have."),
    N_("Start small: a quarter of an hour a day to find and answer what concerns your work. "
       "In Customer Service it saves e-mails and phone calls.") },
  [OBJ_EMBARRASS] = { VONK_BARRIER_FEAR,
    N_("What if someone posts something that embarrasses us?"),
    N_("The guidelines say what to do, and colleagues tend to correct each other. A clumsy "
       "post is rarely a crisis; staying silent when customers ask is the bigger risk.") },
  [OBJ_DATA] = { VONK_BARRIER_FEAR, N_("Is customer data safe on these platforms?"),
    N_("Customer data never goes into a post. The security briefing shows what may be "
       "shared, and the internal network runs under our own contract.") },
  [OBJ_BYPASS] = { VONK_BARRIER_MIDDLE_MANAGEMENT,
    N_("My team should bring their questions to me, not to everyone."),
    N_("You still set the priorities. The network shows you sooner what your team needs and "
       "helps you find the right person for them.") },
  [OBJ_WHO_DECIDES] = { VONK_BARRIER_MIDDLE_MANAGEMENT,
    N_("Who decides how much time my people spend on this?"),
    N_("You do, with your team. We ask managers to free up time for the sessions and to "
       "agree on a sensible routine afterwards.") },
  [OBJ_IT_TOOL] = { VONK_BARRIER_HOLISTIC_THINKING,
    N_("This is an IT tool; let IT sort it out."),
    N_("IT keeps the platform running, but the value lies in how each department works. "
       "That is why every department has a say and a champion.") },
  [OBJ_ALWAYS] = { VONK_BARRIER_CULTURE, N_("We have always done it this way, and it works."),
    N_("It does work, and nobody has to give up what works. We look for the places where "
       "the old way costs customers or colleagues needless time.") },
  [OBJ_BOARD] = { VONK_BARRIER_CULTURE, N_("The board does not use it, so why should I?"),
    N_("A fair point. The board members have promised to host sessions and to post "
       "themselves; you will see them online this quarter.") },
};

/* ------------------------------------------------------------------------
 * Sessions
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *title;
  int         minutes;
  const char *description;
  const char *materials;
} BlockInfo;

static const BlockInfo inspiration_long_blocks[] = {
  { N_("Welcome and why we are here"), 10,
    N_("Who we are, what the session brings, and that taking part is voluntary."),
    N_("Slides") },
  { N_("Why invest time in this?"), 20,
    N_("What business use of your own accounts brings you, our customers and your "
       "colleagues."),
    N_("Slides; short film") },
  { N_("Colleagues tell their story"), 20,
    N_("Two colleagues show what it changed in their daily work."), NULL },
  { N_("Clear applications for your work"), 15,
    N_("Examples per department that answer the usual worries about time, tone and "
       "security."),
    N_("Handout with examples") },
  { N_("Questions and concerns"), 15,
    N_("An open round; recurring objections get an honest, standard answer."), NULL },
  { N_("Pulse and invitation to the workshop"), 10,
    N_("One question on how enthusiastic you are, and signing up for the practical "
       "workshop."),
    N_("Pulse form; workshop sign-up list") },
};

static const BlockInfo inspiration_short_blocks[] = {
  { N_("Welcome"), 5, N_("Who we are and what the hour brings."), NULL },
  { N_("Why invest time in this?"), 15,
    N_("What business use of your own accounts brings you, our customers and your "
       "colleagues."),
    N_("Slides") },
  { N_("A colleague's example"), 15,
    N_("A colleague from a nearby department shows what changed in their work."), NULL },
  { N_("Questions and concerns"), 15,
    N_("An open round; recurring objections get an honest, standard answer."), NULL },
  { N_("Pulse and invitation to the workshop"), 10,
    N_("One question on how enthusiastic you are, and signing up for the practical "
       "workshop."),
    N_("Pulse form; workshop sign-up list") },
};

static const BlockInfo workshop_blocks[] = {
  { N_("Goals and introductions"), 10,
    N_("What everyone wants to be able to do by the end of the afternoon."), NULL },
  { N_("Set up and polish your profile"), 30,
    N_("A complete, recognisable profile that shows what colleagues can ask you about."),
    N_("Laptop or phone; profile checklist") },
  { N_("What to share, and how often"), 25,
    N_("Effective use: what is worth sharing, for whom, and a rhythm that fits your "
       "week."),
    NULL },
  /* Translators: a pause in a workshop agenda */
  { N_("Break"), 15, NULL, NULL },
  { N_("Finding and answering"), 25,
    N_("Searching, following the right people and topics, and answering quickly and "
       "well."),
    N_("Exercise cards") },
  { N_("Your first real post"), 25,
    N_("Everyone writes and publishes a first real contribution about their own work."),
    NULL },
  { N_("Next steps and a buddy"), 20,
    N_("Agree what you will do in the coming weeks and pair up with a buddy."),
    N_("Buddy list") },
};

static const BlockInfo meetup_blocks[] = {
  { N_("Round of successes"), 15, N_("Each champion shares one thing that went well."), NULL },
  { N_("Preview of new features"), 15,
    N_("Champions see what is coming before the rest of the organisation."), NULL },
  { N_("What is getting stuck?"), 20,
    N_("Where teams drop out or hesitate, and who can help."), NULL },
  { N_("Agreements until next time"), 10, N_("Who does what before the next meet-up."),
    NULL },
};

typedef enum
{
  AGENDA_INSPIRATION_LONG,
  AGENDA_INSPIRATION_SHORT,
  AGENDA_WORKSHOP,
  AGENDA_MEETUP,
} AgendaKind;

static const struct
{
  const BlockInfo *blocks;
  guint            n_blocks;
} agendas[] = {
  [AGENDA_INSPIRATION_LONG] = { inspiration_long_blocks, G_N_ELEMENTS (inspiration_long_blocks) },
  [AGENDA_INSPIRATION_SHORT] = { inspiration_short_blocks,
                                 G_N_ELEMENTS (inspiration_short_blocks) },
  [AGENDA_WORKSHOP] = { workshop_blocks, G_N_ELEMENTS (workshop_blocks) },
  [AGENDA_MEETUP] = { meetup_blocks, G_N_ELEMENTS (meetup_blocks) },
};

static const struct
{
  const char     *name;
  VonkSessionKind kind;
  AgendaKind      agenda;
} templates[] = {
  { N_("Inspiration session (90 minutes)"), VONK_SESSION_INSPIRATION, AGENDA_INSPIRATION_LONG },
  { N_("Practical workshop (2.5 hours)"), VONK_SESSION_WORKSHOP, AGENDA_WORKSHOP },
};

/* In the order they were (or will be) held, except the last two: two
 * workshops added later (the order decides who is invited where). */
enum
{
  S_KICK_OFF,
  S_WORKSHOP_HQ,
  S_ZWOLLE,
  S_WORKSHOP_ZWOLLE,
  S_EINDHOVEN,
  S_CLAIMS,
  S_MEETUP_PAST,
  S_MEETUP_NEXT,
  S_SALES,
  S_WORKSHOP_CLAIMS,
  S_BOARDROOM,
  S_WORKSHOP_EINDHOVEN,
  S_WORKSHOP_MIXED,
  N_SESSIONS
};

#define NO_SESSION G_MAXUINT
#define BIT(n) (1u << (n))

typedef struct
{
  VonkSessionKind   kind;
  const char       *title;
  VonkScope         scope;
  guint             scope_mask;   /* departments or locations, as bits */
  int               day;          /* moved off the weekend */
  int               hour;
  int               minute;
  AgendaKind        agenda;       /* the duration is its total */
  const char       *venue;
  const char       *online_link;
  PersonRef         facilitator;
  int               capacity;
  VonkSessionStatus status;
  const char       *notes;
  guint             follow_up_of; /* an earlier session, or NO_SESSION */
  /* who is invited and how they respond, in percent */
  guint             invite;       /* of those in scope (inspiration only) */
  guint             respond;      /* attend (held) or register (planned) */
  guint             no_show;      /* registered but absent (held) */
  guint             enthusiastic; /* of those who attended */
} SessionInfo;

static const SessionInfo sessions[N_SESSIONS] = {
  [S_KICK_OFF] = {
    VONK_SESSION_INSPIRATION, N_("Kick-off: why social business?"), VONK_SCOPE_COMPANY, 0,
    -300, 15, 0, AGENDA_INSPIRATION_LONG, N_("Auditorium, head office"), NULL, LEAD, 150,
    VONK_SESSION_STATUS_HELD,
    N_("A full room; most questions were about time and security."),
    NO_SESSION, 100, 35, 8, 30 },
  [S_WORKSHOP_HQ] = {
    VONK_SESSION_WORKSHOP, N_("Practical workshop: your profile and first post"),
    VONK_SCOPE_COMPANY, 0,
    -270, 13, 30, AGENDA_WORKSHOP, N_("Training room, head office"), NULL,
    PERSON (DEPT_MARKETING, 2), 24, VONK_SESSION_STATUS_HELD, NULL,
    S_KICK_OFF, 0, 75, 10, 60 },
  [S_ZWOLLE] = {
    VONK_SESSION_INSPIRATION, N_("Inspiration session at the service centre"),
    VONK_SCOPE_LOCATION, BIT (LOC_ZWOLLE),
    -240, 10, 0, AGENDA_INSPIRATION_SHORT, N_("Restaurant, service centre"), NULL, LEAD, 60,
    VONK_SESSION_STATUS_HELD, NULL,
    NO_SESSION, 100, 50, 10, 35 },
  [S_WORKSHOP_ZWOLLE] = {
    VONK_SESSION_WORKSHOP, N_("Practical workshop at the service centre"),
    VONK_SCOPE_LOCATION, BIT (LOC_ZWOLLE),
    -225, 13, 30, AGENDA_WORKSHOP, N_("Meeting room 1, service centre"), NULL,
    PERSON (DEPT_SERVICE, 3), 16, VONK_SESSION_STATUS_HELD, NULL,
    S_ZWOLLE, 0, 70, 10, 50 },
  [S_EINDHOVEN] = {
    VONK_SESSION_INSPIRATION, N_("Inspiration session at the claims centre"),
    VONK_SCOPE_LOCATION, BIT (LOC_EINDHOVEN),
    -200, 10, 0, AGENDA_INSPIRATION_SHORT, N_("Meeting room 2, claims centre"), NULL, LEAD, 50,
    VONK_SESSION_STATUS_HELD,
    N_("A quiet room: the managers had not freed up their people."),
    NO_SESSION, 100, 30, 15, 25 },
  [S_CLAIMS] = {
    VONK_SESSION_INSPIRATION, N_("Inspiration session for Claims and Underwriting"),
    VONK_SCOPE_DEPARTMENT, BIT (DEPT_CLAIMS) | BIT (DEPT_UNDERWRITING),
    /* Translators: the venue of a session held only online */
    -60, 9, 30, AGENDA_INSPIRATION_LONG, N_("Online"), MEET_LINK, LEAD, 40,
    VONK_SESSION_STATUS_HELD,
    N_("The managers were briefed a week earlier; far more people came than to the claims "
       "centre session."),
    NO_SESSION, 100, 60, 5, 45 },
  [S_MEETUP_PAST] = {
    VONK_SESSION_MEETUP, N_("Monthly champions meet-up"), VONK_SCOPE_COMPANY, 0,
    -28, 16, 0, AGENDA_MEETUP, N_("Meeting room, head office"), MEET_LINK, LEAD, 20,
    VONK_SESSION_STATUS_HELD, NULL,
    NO_SESSION, 0, 80, 10, 70 },
  [S_MEETUP_NEXT] = {
    VONK_SESSION_MEETUP, N_("Monthly champions meet-up"), VONK_SCOPE_COMPANY, 0,
    7, 16, 0, AGENDA_MEETUP, N_("Meeting room, head office"), MEET_LINK, LEAD, 20,
    VONK_SESSION_STATUS_PLANNED, NULL,
    NO_SESSION, 0, 75, 0, 0 },
  [S_SALES] = {
    VONK_SESSION_INSPIRATION, N_("Inspiration session for Sales and Broker Relations"),
    VONK_SCOPE_DEPARTMENT, BIT (DEPT_SALES),
    12, 10, 0, AGENDA_INSPIRATION_SHORT, N_("Meeting room 3, head office"), NULL,
    PERSON (DEPT_SALES, 4), 25, VONK_SESSION_STATUS_PLANNED, NULL,
    NO_SESSION, 100, 40, 0, 0 },
  [S_WORKSHOP_CLAIMS] = {
    VONK_SESSION_WORKSHOP, N_("Practical workshop for Claims and Underwriting"),
    VONK_SCOPE_DEPARTMENT, BIT (DEPT_CLAIMS) | BIT (DEPT_UNDERWRITING),
    21, 13, 30, AGENDA_WORKSHOP, N_("Meeting room 2, claims centre"), NULL,
    PERSON (DEPT_SERVICE, 8), 18, VONK_SESSION_STATUS_PLANNED,
    N_("Opened by the Claims managers."),
    S_CLAIMS, 0, 60, 0, 0 },
  [S_BOARDROOM] = {
    VONK_SESSION_INSPIRATION, N_("Social media from the boardroom"), VONK_SCOPE_COMPANY, 0,
    35, 16, 0, AGENDA_INSPIRATION_LONG, N_("Auditorium, head office"), MEET_LINK, CEO, 150,
    VONK_SESSION_STATUS_PLANNED,
    N_("The CEO hosts this session and shows how the board uses the network itself."),
    NO_SESSION, 100, 45, 0, 0 },
  [S_WORKSHOP_EINDHOVEN] = {
    VONK_SESSION_WORKSHOP, N_("Practical workshop at the claims centre"),
    VONK_SCOPE_LOCATION, BIT (LOC_EINDHOVEN),
    -185, 13, 30, AGENDA_WORKSHOP, N_("Meeting room 2, claims centre"), NULL,
    MANAGER (DEPT_CLAIMS), 16, VONK_SESSION_STATUS_HELD,
    N_("Few came, as to the inspiration session here; the Claims manager hosted it anyway "
       "and now briefs the team leaders before the next round."),
    S_EINDHOVEN, 0, 70, 10, 50 },
  [S_WORKSHOP_MIXED] = {
    VONK_SESSION_WORKSHOP, N_("Practical workshop across departments"), VONK_SCOPE_COMPANY, 0,
    -130, 13, 30, AGENDA_WORKSHOP, N_("Training room, head office"), NULL,
    PERSON (DEPT_IT, 3), 24, VONK_SESSION_STATUS_HELD,
    N_("Mixed tables on purpose: people from claims, service and IT solved a real case "
       "together."),
    S_KICK_OFF, 0, 75, 10, 60 },
};

static const struct
{
  guint objection;
  guint session;    /* or NO_SESSION */
  guint department;
  int   day;        /* when heard outside a session */
} objections_heard[] = {
  { OBJ_TIME, S_KICK_OFF, DEPT_SERVICE, 0 },
  { OBJ_DATA, S_KICK_OFF, DEPT_CLAIMS, 0 },
  { OBJ_ALWAYS, S_KICK_OFF, DEPT_UNDERWRITING, 0 },
  { OBJ_EMBARRASS, S_KICK_OFF, DEPT_MARKETING, 0 },
  { OBJ_TIME, S_ZWOLLE, DEPT_SERVICE, 0 },
  { OBJ_EMBARRASS, S_ZWOLLE, DEPT_IT, 0 },
  { OBJ_BYPASS, S_EINDHOVEN, DEPT_CLAIMS, 0 },
  { OBJ_WHO_DECIDES, S_EINDHOVEN, DEPT_CLAIMS, 0 },
  { OBJ_TIME, S_EINDHOVEN, DEPT_CLAIMS, 0 },
  { OBJ_BOARD, S_CLAIMS, DEPT_UNDERWRITING, 0 },
  { OBJ_WHO_DECIDES, S_CLAIMS, DEPT_CLAIMS, 0 },
  { OBJ_DATA, S_CLAIMS, DEPT_UNDERWRITING, 0 },
  { OBJ_IT_TOOL, S_MEETUP_PAST, DEPT_IT, 0 },
  { OBJ_BYPASS, NO_SESSION, DEPT_SALES, -75 },
  { OBJ_BOARD, NO_SESSION, DEPT_HR, -40 },
};

/* ------------------------------------------------------------------------
 * Stories
 * ------------------------------------------------------------------------ */

static const struct
{
  PersonRef   champion;
  const char *title;
  int         day;
  const char *shared_where;
  int         reach;
  const char *summary;
} stories[] = {
  { PERSON (DEPT_SERVICE, 3), N_("A complaint turned into a compliment within the hour"), -200,
    /* Translators: where a success story was shared */
    N_("Internal network"), 340,
    N_("A customer complained online about a late payment. Through the network the webcare "
       "colleague found the right claims handler in minutes, and the customer thanked us "
       "publicly that afternoon.") },
  { PERSON (DEPT_IT, 3), N_("The right expert in two minutes"), -150,
    /* Translators: where a success story was shared */
    N_("Staff meeting"), 120,
    N_("A developer needed someone who knew the old policy system. One question on the "
       "network brought three answers from two locations.") },
  { PERSON (DEPT_SALES, 4), N_("Broker questions answered once, for everyone"), -90,
    /* Translators: where a success story was shared */
    N_("Intranet"), 260,
    N_("Instead of answering the same question from twenty brokers by e-mail, the team now "
       "answers it once in a shared group.") },
  { PERSON (DEPT_IT, 12), N_("A claims form fixed across departments"), -110,
    N_("Internal network"), 180,
    N_("After the mixed workshop, a claims handler and an IT colleague kept talking in the "
       "network and fixed a confusing field on the online claims form within a week.") },
  { PERSON (DEPT_HR, 2), N_("A vacancy filled through colleagues' networks"), -60,
    N_("Internal network"), 410,
    N_("A vacancy shared by colleagues reached more suitable candidates than the paid job "
       "advertisement, at no cost.") },
  { PERSON (DEPT_CLAIMS, 5), N_("Photos instead of paperwork"), -20,
    /* Translators: where a success story was shared */
    N_("Team meeting"), 45,
    N_("Claims handlers share photos of damage in a closed group with the loss adjuster, "
       "who now settles many small claims without a visit.") },
};

/* ------------------------------------------------------------------------
 * Building it
 * ------------------------------------------------------------------------ */

typedef struct
{
  VonkProject        *project;
  GDate              *today;
  GTimeZone          *zone;
  gint64              location_ids[N_LOCATIONS];
  gint64              department_ids[N_DEPARTMENTS];
  guint               first_person[N_DEPARTMENTS];
  gint64              person_ids[N_PEOPLE];
  guint               person_department[N_PEOPLE];
  const ChampionInfo *champion_of[N_PEOPLE];
  gint64              objection_ids[N_OBJECTIONS];
  gint64              session_ids[N_SESSIONS];
  GDate              *session_dates[N_SESSIONS];
  gboolean            enthusiastic[N_SESSIONS][N_PEOPLE];
  gboolean            attended_inspiration[N_PEOPLE];
  gboolean            attended_workshop[N_PEOPLE];
} Demo;

static void
demo_free (Demo *demo)
{
  g_date_free (demo->today);
  g_time_zone_unref (demo->zone);
  for (guint s = 0; s < N_SESSIONS; s++)
    g_clear_pointer (&demo->session_dates[s], g_date_free);
  g_free (demo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

static Demo *
demo_new (VonkProject *project,
          const GDate *today)
{
  Demo *demo = g_new0 (Demo, 1);

  demo->project = project;
  demo->today = g_date_copy (today);
  /* The organisation is Dutch, so its sessions are on Dutch time. */
  demo->zone = g_time_zone_new_identifier ("Europe/Amsterdam");
  if (demo->zone == NULL)
    demo->zone = g_time_zone_new_local ();

  return demo;
}

/* A text from the tables in the user's language; "" for none (gettext
 * would answer "" with the catalogue's header). */
static const char *
tr (const char *text)
{
  return text != NULL && *text != '\0' ? _(text) : "";
}

static GDate *
date_from_today (const GDate *today,
                 int          days)
{
  GDate *date = g_date_copy (today);

  if (days > 0)
    g_date_add_days (date, days);
  else if (days < 0)
    g_date_subtract_days (date, -days);

  return date;
}

static GDate *
demo_date (Demo *demo,
           int   days)
{
  return date_from_today (demo->today, days);
}

/* Sessions are held on weekdays: a Saturday or Sunday moves to Monday. */
static GDate *
weekday_from_today (Demo *demo,
                    int   days)
{
  GDate *date = demo_date (demo, days);

  /* no one plans a session in a weekend or between Christmas and New Year */
  while (g_date_get_weekday (date) == G_DATE_SATURDAY ||
         g_date_get_weekday (date) == G_DATE_SUNDAY ||
         (g_date_get_month (date) == G_DATE_DECEMBER && g_date_get_day (date) >= 24) ||
         (g_date_get_month (date) == G_DATE_JANUARY && g_date_get_day (date) == 1))
    g_date_add_days (date, 1);

  return date;
}

static guint
person_index (Demo      *demo,
              PersonRef  ref)
{
  g_assert (ref.department < N_DEPARTMENTS);
  g_assert (ref.index < departments[ref.department].n_people);

  return demo->first_person[ref.department] + ref.index;
}

static gint64
person_id (Demo      *demo,
           PersonRef  ref)
{
  return demo->person_ids[person_index (demo, ref)];
}

static gint64
department_id (Demo  *demo,
               guint  department)
{
  return department == WHOLE_ORGANISATION ? 0 : demo->department_ids[department];
}

/* Adds @entity (transfer full) to the project and returns its new ID in
 * @id. */
static gboolean
add (Demo      *demo,
     gpointer   entity,
     gint64    *id,
     GError   **error)
{
  g_autoptr(VonkEntity) owned = entity;

  if (!vonk_project_add (demo->project, owned, error))
    return FALSE;

  if (id != NULL)
    *id = vonk_entity_get_id (owned);
  return TRUE;
}

static gboolean
add_locations (Demo    *demo,
               GError **error)
{
  for (guint i = 0; i < N_LOCATIONS; i++)
    if (!add (demo,
              g_object_new (VONK_TYPE_LOCATION,
                            "name", tr (locations[i].name),
                            "city", locations[i].city,
                            NULL),
              &demo->location_ids[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
add_departments (Demo    *demo,
                 GError **error)
{
  for (guint i = 0; i < N_DEPARTMENTS; i++)
    if (!add (demo,
              g_object_new (VONK_TYPE_DEPARTMENT,
                            "name", tr (departments[i].name),
                            "location-id", demo->location_ids[departments[i].location],
                            "headcount", departments[i].headcount,
                            NULL),
              &demo->department_ids[i], error))
      return FALSE;

  return TRUE;
}

/* The part of a name that goes into an e-mail address: ASCII, lower case,
 * without spaces or apostrophes ("van 't Hof" → "vanthof"). */
static char *
mail_part (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *part = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (part, g_ascii_tolower (*p));

  return g_string_free (part, FALSE);
}

static VonkRole
role_of (guint department,
         guint index)
{
  guint n_top = departments[department].n_top;

  if (index < n_top)
    return VONK_ROLE_TOP_MANAGEMENT;
  if (index == n_top)
    return VONK_ROLE_MIDDLE_MANAGER;
  return VONK_ROLE_EMPLOYEE;
}

/* Lays out who is where and who is a champion, before anything is added. */
static void
plan_people (Demo *demo)
{
  guint next = 0;

  for (guint d = 0; d < N_DEPARTMENTS; d++)
    {
      demo->first_person[d] = next;
      for (guint k = 0; k < departments[d].n_people; k++)
        demo->person_department[next++] = d;
    }
  g_assert (next == N_PEOPLE);

  for (guint c = 0; c < G_N_ELEMENTS (champions); c++)
    demo->champion_of[person_index (demo, champions[c].who)] = &champions[c];
}

static const char *
note_of (Demo  *demo,
         guint  person)
{
  for (guint n = 0; n < G_N_ELEMENTS (person_notes); n++)
    if (person_index (demo, person_notes[n].who) == person)
      return tr (person_notes[n].note);

  if (demo->champion_of[person] != NULL)
    return tr (demo->champion_of[person]->note);

  return "";
}

static gboolean
add_person (Demo    *demo,
            guint    person,
            GError **error)
{
  guint department = demo->person_department[person];
  guint index = person - demo->first_person[department];
  const char *first = first_names[person % G_N_ELEMENTS (first_names)];
  const char *surname = surnames[(person * 17 + person / G_N_ELEMENTS (first_names)) %
                                 G_N_ELEMENTS (surnames)];
  const ChampionInfo *champion = demo->champion_of[person];
  g_autofree char *name = g_strdup_printf ("%s %s", first, surname);
  g_autofree char *mail_first = mail_part (first);
  g_autofree char *mail_surname = mail_part (surname);
  g_autofree char *email = g_strdup_printf ("%s.%s@%s", mail_first, mail_surname, MAIL_DOMAIN);
  g_autoptr(GDate) since = NULL;
  g_autoptr(GDate) until = NULL;
  VonkEntity *entity;

  entity = g_object_new (VONK_TYPE_PERSON,
                         "name", name,
                         "department-id", demo->department_ids[department],
                         "role", role_of (department, index),
                         "email", email,
                         "notes", note_of (demo, person),
                         NULL);

  if (champion != NULL)
    {
      since = demo_date (demo, champion->since);
      if (champion->state == VONK_CHAMPION_ALUMNUS)
        until = demo_date (demo, champion->until);
      g_object_set (entity,
                    "champion", champion->state,
                    "champion-since", since,
                    "champion-joined", champion->joined,
                    "champion-until", until,
                    NULL);
    }

  return add (demo, entity, &demo->person_ids[person], error);
}

static gboolean
add_people (Demo    *demo,
            GError **error)
{
  for (guint i = 0; i < N_PEOPLE; i++)
    if (!add_person (demo, i, error))
      return FALSE;

  return TRUE;
}

/* The ID of the default criterion at @position in @phase. */
static gint64
criterion_id (Demo      *demo,
              VonkPhase  phase,
              int        position)
{
  GListModel *criteria = vonk_project_get_list (demo->project, VONK_TYPE_CRITERION);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);

      if (vonk_entity_get_enum (criterion, "phase") == (int) phase &&
          vonk_entity_get_int (criterion, "position") == position)
        return vonk_entity_get_id (criterion);
    }

  return 0;
}

/* Vonk's own criteria, and the assessments against them. */
static gboolean
add_assessment (Demo    *demo,
                GError **error)
{
  if (!vonk_phase_add_default_criteria (demo->project, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (assessments); i++)
    {
      const AssessmentInfo *info = &assessments[i];
      gint64 id = criterion_id (demo, info->phase, info->position);
      g_autoptr(GDate) assessed = NULL;

      /* the table and Vonk's default criteria must agree */
      if (id == 0)
        {
          g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                       "The demo assesses criterion %d of phase %d, which does not exist",
                       info->position, info->phase);
          return FALSE;
        }

      assessed = demo_date (demo, info->day);
      if (!add (demo,
                g_object_new (VONK_TYPE_ASSESSMENT,
                              "criterion-id", id,
                              "department-id", department_id (demo, info->department),
                              "state", info->state,
                              "evidence", tr (info->evidence),
                              "assessed-on", assessed,
                              "assessor-id", person_id (demo, info->assessor),
                              NULL),
                NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_milestones (Demo    *demo,
                GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      const MilestoneInfo *info = &milestones[i];
      g_autoptr(GDate) due = demo_date (demo, info->due);

      if (!add (demo,
                g_object_new (VONK_TYPE_MILESTONE,
                              "phase", info->phase,
                              "title", tr (info->title),
                              "description", tr (info->description),
                              "due-date", due,
                              "status", info->status,
                              "owner-id", person_id (demo, info->owner),
                              NULL),
                NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_barrier_score (Demo         *demo,
                   VonkBarrier   barrier,
                   guint         department,
                   int           score,
                   int           day,
                   const char   *note,
                   GError      **error)
{
  g_autoptr(GDate) scored = demo_date (demo, day);

  return add (demo,
              g_object_new (VONK_TYPE_BARRIER_SCORE,
                            "barrier", barrier,
                            "department-id", department_id (demo, department),
                            "score", score,
                            "scored-on", scored,
                            "note", tr (note),
                            NULL),
              NULL, error);
}

static gboolean
add_barrier_scores (Demo    *demo,
                    GError **error)
{
  for (guint b = 0; b < G_N_ELEMENTS (barrier_history); b++)
    for (guint t = 0; t < G_N_ELEMENTS (history_days); t++)
      if (!add_barrier_score (demo, barrier_history[b].barrier, WHOLE_ORGANISATION,
                              barrier_history[b].scores[t], history_days[t],
                              barrier_history[b].notes[t], error))
        return FALSE;

  for (guint d = 0; d < G_N_ELEMENTS (department_scores); d++)
    for (guint b = 0; b < VONK_N_BARRIERS; b++)
      if (!add_barrier_score (demo, b, department_scores[d].department,
                              department_scores[d].scores[b], DEPARTMENT_SCORE_DAY, NULL,
                              error))
        return FALSE;

  return TRUE;
}

static gboolean
add_countermeasures (Demo    *demo,
                     GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (countermeasures); i++)
    {
      const CountermeasureInfo *info = &countermeasures[i];
      g_autoptr(GDate) due = demo_date (demo, info->due);

      if (!add (demo,
                g_object_new (VONK_TYPE_COUNTERMEASURE,
                              "barrier", info->barrier,
                              "title", tr (info->title),
                              "description", tr (info->description),
                              "owner-id", person_id (demo, info->owner),
                              "department-id", department_id (demo, info->department),
                              "due-date", due,
                              "status", info->status,
                              "notes", tr (info->notes),
                              NULL),
                NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_objections (Demo    *demo,
                GError **error)
{
  for (guint i = 0; i < N_OBJECTIONS; i++)
    if (!add (demo,
              g_object_new (VONK_TYPE_OBJECTION,
                            "barrier", objections[i].barrier,
                            "text", tr (objections[i].text),
                            "answer", tr (objections[i].answer),
                            NULL),
              &demo->objection_ids[i], error))
      return FALSE;

  return TRUE;
}

/* Adds the blocks of @agenda to the session or template @owner_id, which
 * @owner_column of @type refers to. */
static gboolean
add_blocks (Demo        *demo,
            GType        type,
            const char  *owner_column,
            gint64       owner_id,
            AgendaKind   agenda,
            GError     **error)
{
  for (guint i = 0; i < agendas[agenda].n_blocks; i++)
    {
      const BlockInfo *block = &agendas[agenda].blocks[i];

      if (!add (demo,
                g_object_new (type,
                              owner_column, owner_id,
                              "position", (int) i,
                              "title", tr (block->title),
                              "minutes", block->minutes,
                              "description", tr (block->description),
                              "materials", tr (block->materials),
                              NULL),
                NULL, error))
        return FALSE;
    }

  return TRUE;
}

static int
agenda_minutes (AgendaKind agenda)
{
  int total = 0;

  for (guint i = 0; i < agendas[agenda].n_blocks; i++)
    total += agendas[agenda].blocks[i].minutes;

  return total;
}

static gboolean
add_templates (Demo    *demo,
               GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      gint64 id;

      if (!add (demo,
                g_object_new (VONK_TYPE_AGENDA_TEMPLATE,
                              "name", tr (templates[i].name),
                              "kind", templates[i].kind,
                              NULL),
                &id, error) ||
          !add_blocks (demo, VONK_TYPE_TEMPLATE_BLOCK, "template-id", id, templates[i].agenda,
                       error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_scopes (Demo    *demo,
            guint    s,
            GError **error)
{
  const SessionInfo *info = &sessions[s];
  guint n = info->scope == VONK_SCOPE_LOCATION ? N_LOCATIONS : N_DEPARTMENTS;

  if (info->scope == VONK_SCOPE_COMPANY)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      gboolean by_location = info->scope == VONK_SCOPE_LOCATION;

      if ((info->scope_mask & BIT (i)) == 0)
        continue;

      if (!add (demo,
                g_object_new (VONK_TYPE_SESSION_SCOPE,
                              "session-id", demo->session_ids[s],
                              "department-id", by_location ? 0 : demo->department_ids[i],
                              "location-id", by_location ? demo->location_ids[i] : 0,
                              NULL),
                NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
in_scope (Demo  *demo,
          guint  s,
          guint  person)
{
  const SessionInfo *info = &sessions[s];
  guint department = demo->person_department[person];

  switch (info->scope)
    {
    case VONK_SCOPE_DEPARTMENT:
      return (info->scope_mask & BIT (department)) != 0;

    case VONK_SCOPE_LOCATION:
      return (info->scope_mask & BIT (departments[department].location)) != 0;

    case VONK_SCOPE_COMPANY:
    default:
      return TRUE;
    }
}

static gboolean
is_champion_on (Demo        *demo,
                guint        person,
                const GDate *date)
{
  const ChampionInfo *champion = demo->champion_of[person];
  g_autoptr(GDate) since = NULL;
  g_autoptr(GDate) until = NULL;

  if (champion == NULL)
    return FALSE;

  since = demo_date (demo, champion->since);
  if (g_date_compare (since, date) > 0)
    return FALSE;

  if (champion->state != VONK_CHAMPION_ALUMNUS)
    return TRUE;

  until = demo_date (demo, champion->until);
  return g_date_compare (until, date) > 0;
}

/* A number from 0 to 99 that looks random but is fixed for each person,
 * session and question (@salt), so that who comes and who gets
 * enthusiastic is the same in every demo. */
static guint
percentile (guint person,
            guint session,
            guint salt)
{
  guint32 h = person * 0x9E3779B1u ^ (session + 1) * 0x85EBCA77u ^ (salt + 1) * 0xC2B2AE3Du;

  h ^= h >> 16;
  h *= 0x7FEB352Du;
  h ^= h >> 15;
  h *= 0x846CA68Bu;
  h ^= h >> 16;

  return h % 100;
}

enum
{
  SALT_INVITE,
  SALT_RESPONSE,
  SALT_ENTHUSIASM,
  SALT_PULSE,
};

/* Inspiration sessions invite (a share of) those in scope who have not
 * been to one yet; a workshop invites the enthusiastic of the session it
 * follows up who have not had a workshop; a meet-up invites the champions
 * of the day. */
static gboolean
is_invited (Demo  *demo,
            guint  s,
            guint  person)
{
  const SessionInfo *info = &sessions[s];

  switch (info->kind)
    {
    case VONK_SESSION_WORKSHOP:
      return demo->enthusiastic[info->follow_up_of][person] && !demo->attended_workshop[person];

    case VONK_SESSION_MEETUP:
      return is_champion_on (demo, person, demo->session_dates[s]);

    case VONK_SESSION_INSPIRATION:
    default:
      return in_scope (demo, s, person) && !demo->attended_inspiration[person] &&
             percentile (person, s, SALT_INVITE) < info->invite;
    }
}

/* Those who became champions were there and enthusiastic at every
 * inspiration session and workshop they were invited to. */
static gboolean
is_sure_to_come (Demo  *demo,
                 guint  s,
                 guint  person)
{
  return sessions[s].status == VONK_SESSION_STATUS_HELD &&
         sessions[s].kind != VONK_SESSION_MEETUP &&
         demo->champion_of[person] != NULL;
}

static gboolean
add_attendance (Demo    *demo,
                guint    s,
                GError **error)
{
  const SessionInfo *info = &sessions[s];
  gboolean held = info->status == VONK_SESSION_STATUS_HELD;
  int seats = info->capacity;

  for (guint p = 0; p < N_PEOPLE; p++)
    if (is_invited (demo, s, p) && is_sure_to_come (demo, s, p))
      seats--;
  g_assert (seats >= 0);

  for (guint p = 0; p < N_PEOPLE; p++)
    {
      VonkAttendanceStatus status = VONK_ATTENDANCE_INVITED;
      gboolean enthusiastic = FALSE;
      guint response = percentile (p, s, SALT_RESPONSE);
      int pulse = 0;

      if (!is_invited (demo, s, p))
        continue;

      if (is_sure_to_come (demo, s, p))
        status = VONK_ATTENDANCE_ATTENDED;
      else if (response < info->respond + info->no_show)
        {
          if (seats == 0)
            status = VONK_ATTENDANCE_WAITING;
          else if (!held)
            status = VONK_ATTENDANCE_REGISTERED;
          else if (response < info->respond)
            status = VONK_ATTENDANCE_ATTENDED;
          else
            status = VONK_ATTENDANCE_NO_SHOW;

          if (status != VONK_ATTENDANCE_WAITING)
            seats--;
        }

      if (status == VONK_ATTENDANCE_ATTENDED)
        {
          enthusiastic = is_sure_to_come (demo, s, p) ||
                         percentile (p, s, SALT_ENTHUSIASM) < info->enthusiastic;
          /* 4–5 for the enthusiastic, 1–3 for the others */
          pulse = enthusiastic ? 4 + (int) (percentile (p, s, SALT_PULSE) % 2)
                               : 1 + (int) (percentile (p, s, SALT_PULSE) % 3);
          demo->enthusiastic[s][p] = enthusiastic;
          if (info->kind == VONK_SESSION_INSPIRATION)
            demo->attended_inspiration[p] = TRUE;
          else if (info->kind == VONK_SESSION_WORKSHOP)
            demo->attended_workshop[p] = TRUE;
        }

      if (!add (demo,
                g_object_new (VONK_TYPE_ATTENDANCE,
                              "session-id", demo->session_ids[s],
                              "person-id", demo->person_ids[p],
                              "status", status,
                              "enthusiastic", enthusiastic,
                              "pulse", pulse,
                              NULL),
                NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_session (Demo    *demo,
             guint    s,
             GError **error)
{
  const SessionInfo *info = &sessions[s];
  g_autoptr(GDateTime) starts_at = NULL;
  GDate *date;

  date = demo->session_dates[s] = weekday_from_today (demo, info->day);
  starts_at = g_date_time_new (demo->zone, g_date_get_year (date), g_date_get_month (date),
                               g_date_get_day (date), info->hour, info->minute, 0);
  g_assert (info->follow_up_of == NO_SESSION || info->follow_up_of < s);

  if (!add (demo,
            g_object_new (VONK_TYPE_SESSION,
                          "kind", info->kind,
                          "title", tr (info->title),
                          "scope", info->scope,
                          "starts-at", starts_at,
                          "duration", agenda_minutes (info->agenda),
                          "venue", tr (info->venue),
                          "online-link", info->online_link != NULL ? info->online_link : "",
                          "facilitator-id", person_id (demo, info->facilitator),
                          "capacity", info->capacity,
                          "status", info->status,
                          "notes", tr (info->notes),
                          "follow-up-of", info->follow_up_of == NO_SESSION
                                          ? (gint64) 0
                                          : demo->session_ids[info->follow_up_of],
                          NULL),
            &demo->session_ids[s], error))
    return FALSE;

  return add_scopes (demo, s, error) &&
         add_blocks (demo, VONK_TYPE_AGENDA_BLOCK, "session-id", demo->session_ids[s],
                     info->agenda, error) &&
         add_attendance (demo, s, error);
}

static gboolean
add_sessions (Demo    *demo,
              GError **error)
{
  for (guint s = 0; s < N_SESSIONS; s++)
    if (!add_session (demo, s, error))
      return FALSE;

  return TRUE;
}

static gboolean
add_objections_heard (Demo    *demo,
                      GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (objections_heard); i++)
    {
      guint s = objections_heard[i].session;
      g_autoptr(GDate) heard = NULL;

      heard = s == NO_SESSION ? demo_date (demo, objections_heard[i].day)
                              : g_date_copy (demo->session_dates[s]);
      if (!add (demo,
                g_object_new (VONK_TYPE_OBJECTION_HEARD,
                              "objection-id", demo->objection_ids[objections_heard[i].objection],
                              "session-id", s == NO_SESSION ? (gint64) 0 : demo->session_ids[s],
                              "department-id", demo->department_ids[objections_heard[i].department],
                              "heard-on", heard,
                              NULL),
                NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_stories (Demo    *demo,
             GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    {
      g_autoptr(GDate) told = demo_date (demo, stories[i].day);

      g_assert (demo->champion_of[person_index (demo, stories[i].champion)] != NULL);
      if (!add (demo,
                g_object_new (VONK_TYPE_STORY,
                              "title", tr (stories[i].title),
                              "told-on", told,
                              "champion-id", person_id (demo, stories[i].champion),
                              "department-id", demo->department_ids[stories[i].champion.department],
                              "shared-where", tr (stories[i].shared_where),
                              "reach", stories[i].reach,
                              "summary", tr (stories[i].summary),
                              NULL),
                NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill (Demo    *demo,
      GError **error)
{
  plan_people (demo);

  return add_locations (demo, error) &&
         add_departments (demo, error) &&
         add_people (demo, error) &&
         add_assessment (demo, error) &&
         add_milestones (demo, error) &&
         add_barrier_scores (demo, error) &&
         add_countermeasures (demo, error) &&
         add_objections (demo, error) &&
         add_templates (demo, error) &&
         add_sessions (demo, error) &&
         add_objections_heard (demo, error) &&
         add_stories (demo, error);
}

static VonkProject *
new_project (const GDate *today)
{
  g_autoptr(GDate) start = date_from_today (today, PROJECT_START_DAY);
  g_autoptr(GDate) target = date_from_today (today, PROJECT_TARGET_DAY);
  /* Translators: the demo project's name; Zilverberg is a fictional insurer */
  VonkProject *project = vonk_project_new (_("Zilverberg on the way to social business"));

  g_object_set (project,
                "organisation", ORGANISATION,
                "focus", VONK_FOCUS_CHANNELS_AND_WORK,
                "definition",
                _("For Zilverberg, social business means that every colleague can find "
                  "knowledge and people across departments and sites, and that social media "
                  "are both a channel and a way of working tied to our goals: faster service, "
                  "fewer complaints, and better products made together with customers and "
                  "brokers."),
                "current-phase", VONK_PHASE_DIALOGUE,
                "target-phase", VONK_PHASE_SOCIAL_BUSINESS,
                "start-date", start,
                "target-date", target,
                NULL);

  return project;
}

/**
 * vonk_demo_create:
 * @store: the library to add the demo to
 * @today: (nullable): the day the demo is built around; %NULL for
 *   vonk_date_today()
 * @error: return location for a #GError
 *
 * Adds a fictional Dutch insurer as a new, loaded project: its sites,
 * departments and people, roadmap, barriers, sessions and champions. All
 * dates are relative to @today, and the same @today gives the same demo.
 * Either the whole demo is added or, on failure, nothing.
 *
 * Returns: (transfer none) (nullable): the new project, owned by the
 *   store's list of projects, or %NULL with @error set
 */
VonkProject *
vonk_demo_create (VonkStore  *store,
                  GDate      *today,
                  GError    **error)
{
  g_autoptr(VonkProject) project = NULL;
  g_autoptr(GDate) day = NULL;
  g_autoptr(Demo) demo = NULL;

  g_return_val_if_fail (VONK_IS_STORE (store), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  day = today != NULL ? g_date_copy (today) : vonk_date_today ();
  project = new_project (day);

  /* One transaction: the store lists the project only once it commits. */
  if (!vonk_store_begin (store, error))
    return NULL;

  demo = demo_new (project, day);
  if (!vonk_store_add_project (store, project, error) ||
      !vonk_project_load (project, error) ||
      !fill (demo, error))
    {
      vonk_store_rollback (store);
      return NULL;
    }

  /* a failed commit has already rolled back */
  if (!vonk_store_commit (store, error))
    return NULL;

  /* the demo is where the user starts: nothing of it to undo */
  vonk_history_clear (vonk_project_get_history (project));

  /* The store's list keeps the project alive once our reference is
   * dropped. */
  return project;
}
