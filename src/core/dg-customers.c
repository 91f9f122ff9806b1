/* dg-customers.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-customers.h"
