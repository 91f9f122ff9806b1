/* dg-error.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-error.h"

G_DEFINE_QUARK (dg-error-quark, dg_error)
