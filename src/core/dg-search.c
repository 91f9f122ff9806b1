/* dg-search.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-search.h"
