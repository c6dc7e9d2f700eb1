/* vonk-core.h — everything libvonk-core offers
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-atomic-file.h"
#include "vonk-barriers.h"
#include "vonk-champions.h"
#include "vonk-csv.h"
#include "vonk-demo.h"
#include "vonk-entities.h"
#include "vonk-entity-list.h"
#include "vonk-entity.h"
#include "vonk-ics.h"
#include "vonk-enum-types.h"
#include "vonk-history.h"
#include "vonk-enums.h"
#include "vonk-labels.h"
#include "vonk-phase.h"
#include "vonk-project.h"
#include "vonk-schema.h"
#include "vonk-search.h"
#include "vonk-sessions.h"
#include "vonk-share-safe.h"
#include "vonk-store.h"
#include "vonk-xml.h"
