/* dg-customer-list.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-customer-list.h"
