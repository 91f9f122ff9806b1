/* dg-core.h
 *
 * Everything Dangol knows without a display: the database, customers and
 * their search. The GTK app, the tests and the benchmarks include this.
 */
#pragma once

#include "dg-clock.h"
#include "dg-customer.h"
#include "dg-customer-list.h"
#include "dg-context.h"
#include "dg-customers.h"
#include "dg-database.h"
#include "dg-error.h"
#include "dg-fake-clock.h"
#include "dg-recurrence.h"
#include "dg-search.h"
