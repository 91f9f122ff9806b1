/* dg-core.h
 *
 * Everything Dangol knows without a display: the database, customers and
 * their search, the contact log, follow-ups and their reminders, journeys
 * and the customers walking them. The GTK
 * app, the tests and the benchmarks include this.
 */
#pragma once

#include "dg-birthday-followups.h"
#include "dg-birthdays.h"
#include "dg-catalog.h"
#include "dg-clock.h"
#include "dg-customer.h"
#include "dg-customer-list.h"
#include "dg-id-list.h"
#include "dg-id-set.h"
#include "dg-customer-snapshot.h"
#include "dg-context.h"
#include "dg-customers.h"
#include "dg-customers-bulk.h"
#include "dg-customers-contacts.h"
#include "dg-database.h"
#include "dg-date-parse.h"
#include "dg-enrollment-card.h"
#include "dg-enrollments.h"
#include "dg-error.h"
#include "dg-fake-clock.h"
#include "dg-followup.h"
#include "dg-followups.h"
#include "dg-import-csv.h"
#include "dg-import-csv-reader.h"
#include "dg-import-mapping.h"
#include "dg-interaction.h"
#include "dg-interactions.h"
#include "dg-journey.h"
#include "dg-journey-analytics.h"
#include "dg-journey-templates.h"
#include "dg-journeys.h"
#include "dg-phone.h"
#include "dg-record.h"
#include "dg-recurrence.h"
#include "dg-reminder-service.h"
#include "dg-reminders.h"
#include "dg-search.h"
#include "dg-stage-column.h"
#include "dg-stage-messages.h"
#include "dg-stage-script.h"
#include "dg-stages.h"
