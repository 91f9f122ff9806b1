/* dg-enrollment-card.h
 *
 * One card of the journey board: an active enrollment as its stage's
 * column shows it — the customer's name, how long they have been in the
 * stage, whether that is longer than the stage's usual days (stuck), and
 * the customer's next open follow-up. Built by dg_enrollments_get_cards()
 * at a moment of the clock; every property is writable so that a list
 * model can copy a fresh card into the one a view holds and only what
 * changed notifies.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DG_TYPE_ENROLLMENT_CARD (dg_enrollment_card_get_type ())

G_DECLARE_FINAL_TYPE (DgEnrollmentCard, dg_enrollment_card, DG, ENROLLMENT_CARD, GObject)

DgEnrollmentCard *dg_enrollment_card_new                    (void);
/* The enrollment's id; 0 for a card whose enrollment went missing. */
gint64            dg_enrollment_card_get_id                 (DgEnrollmentCard *self);
gint64            dg_enrollment_card_get_customer_id        (DgEnrollmentCard *self);
const char       *dg_enrollment_card_get_customer_name      (DgEnrollmentCard *self);
gint64            dg_enrollment_card_get_stage_id           (DgEnrollmentCard *self);
/* 0 for none. */
gint64            dg_enrollment_card_get_cohort_id          (DgEnrollmentCard *self);
const char       *dg_enrollment_card_get_cohort_name        (DgEnrollmentCard *self);
/* When they entered the stage. */
GDateTime        *dg_enrollment_card_get_since              (DgEnrollmentCard *self);
/* Whole days since then. */
int               dg_enrollment_card_get_days_in_stage      (DgEnrollmentCard *self);
/* Longer in the stage than its usual days. */
gboolean          dg_enrollment_card_get_stuck              (DgEnrollmentCard *self);
/* The customer's next open follow-up: 0 / "" / NULL when none. Its due
 * is the instant of a timed one, the start of the local day of an
 * all-day one. */
gint64            dg_enrollment_card_get_next_followup_id   (DgEnrollmentCard *self);
const char       *dg_enrollment_card_get_next_followup_title (DgEnrollmentCard *self);
GDateTime        *dg_enrollment_card_get_next_followup_due  (DgEnrollmentCard *self);
gboolean          dg_enrollment_card_get_next_followup_all_day (DgEnrollmentCard *self);

G_END_DECLS
