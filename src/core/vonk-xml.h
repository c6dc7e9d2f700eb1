/* vonk-xml.h — plans as XML files: export, import, session plans
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is described by data/schema/vonk-plan-1.xsd and in the
 * README ("Plan file format").
 */

#pragma once

#include <gio/gio.h>

#include "vonk-project.h"
#include "vonk-store.h"

G_BEGIN_DECLS

/* The namespace of plan files; the root element carries the version. */
#define VONK_XML_NAMESPACE "https://vonk.nl/ns/plan"
#define VONK_XML_VERSION 1

/* What an import accepts, at most. */
#define VONK_XML_MAX_FILE_SIZE (G_GINT64_CONSTANT (1) << 30)  /* 1 GiB */
#define VONK_XML_MAX_DEPTH     16                            /* element nesting */

#define VONK_XML_ERROR (vonk_xml_error_quark ())

typedef enum
{
  VONK_XML_ERROR_FAILED,
  VONK_XML_ERROR_READ,        /* the file could not be read */
  VONK_XML_ERROR_TOO_LARGE,   /* larger than VONK_XML_MAX_FILE_SIZE */
  VONK_XML_ERROR_TOO_DEEP,    /* nested deeper than VONK_XML_MAX_DEPTH */
  VONK_XML_ERROR_UNSAFE,      /* a DOCTYPE: entities or an external DTD */
  VONK_XML_ERROR_MALFORMED,   /* not well-formed XML */
  VONK_XML_ERROR_NOT_A_PLAN,  /* another root element or namespace */
  VONK_XML_ERROR_TOO_NEW,     /* a plan of a newer format version */
  VONK_XML_ERROR_INVALID,     /* does not follow the schema */
  VONK_XML_ERROR_REFERENCE,   /* a reference that does not resolve */
  VONK_XML_ERROR_DUPLICATE,   /* an ID or a name used twice */
  VONK_XML_ERROR_VALUE,       /* a date, number or token out of range */
} VonkXmlError;

GQuark vonk_xml_error_quark (void);

/* Called now and then with how much is done, 0.0 to 1.0, in the thread
 * that runs the export or import. */
typedef void (*VonkXmlProgress) (double   fraction,
                                 gpointer user_data);

typedef struct
{
  /* people become role, department and a number; e-mail addresses and
   * notes about people are left out */
  gboolean         share_safe;
  /* (nullable): the IDs (gint64) of the sessions of a session plan; %NULL
   * exports the whole project */
  GArray          *sessions;
  VonkXmlProgress  progress;
  gpointer         progress_data;
} VonkXmlExportOptions;

gboolean     vonk_xml_export          (VonkProject                 *project,
                                       const char                  *path,
                                       const VonkXmlExportOptions  *options,
                                       GCancellable                *cancellable,
                                       GError                     **error);

VonkProject *vonk_xml_import          (VonkStore                   *store,
                                       const char                  *path,
                                       VonkXmlProgress              progress,
                                       gpointer                     progress_data,
                                       GCancellable                *cancellable,
                                       GError                     **error);
VonkProject *vonk_xml_import_data     (VonkStore                   *store,
                                       const char                  *data,
                                       gsize                        length,
                                       const char                  *name,
                                       GError                     **error);
gboolean     vonk_xml_import_sessions (VonkProject                 *project,
                                       const char                  *path,
                                       guint                       *n_sessions,
                                       GCancellable                *cancellable,
                                       GError                     **error);

GBytes      *vonk_xml_get_schema      (void);

G_END_DECLS
