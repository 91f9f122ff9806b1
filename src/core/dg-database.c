/* dg-database.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-database.h"
