/* dg-interaction.h
 *
 * One entry of a customer's contact log: when the owner was in touch, over
 * which channel, what was said and how it went. A record (dg-record.h) with
 * one property per field and validation; dg-interactions.h stores and loads
 * it.
 */
#pragma once

#include <glib-object.h>

#include "dg-clock.h"
#include "dg-record.h"

G_BEGIN_DECLS

typedef enum
{
  DG_INTERACTION_CHANNEL_CALL,
  DG_INTERACTION_CHANNEL_MESSAGE,
  DG_INTERACTION_CHANNEL_EMAIL,
  DG_INTERACTION_CHANNEL_MEETING,
  DG_INTERACTION_CHANNEL_OTHER,
} DgInteractionChannel;

typedef enum
{
  DG_INTERACTION_FEEDBACK_NONE,
  DG_INTERACTION_FEEDBACK_POSITIVE,
  DG_INTERACTION_FEEDBACK_NEUTRAL,
  DG_INTERACTION_FEEDBACK_NEGATIVE,
} DgInteractionFeedback;

#define DG_TYPE_INTERACTION_CHANNEL  (dg_interaction_channel_get_type ())
#define DG_TYPE_INTERACTION_FEEDBACK (dg_interaction_feedback_get_type ())
#define DG_TYPE_INTERACTION          (dg_interaction_get_type ())

GType dg_interaction_channel_get_type  (void);
GType dg_interaction_feedback_get_type (void);

G_DECLARE_FINAL_TYPE (DgInteraction, dg_interaction, DG, INTERACTION, DgRecord)

/* "call", "message", "email", "meeting", "other", as stored. */
const char *dg_interaction_channel_to_string   (DgInteractionChannel   channel);
gboolean    dg_interaction_channel_from_string (const char            *text,
                                                DgInteractionChannel  *out_channel);
/* Translated, for display ("Call"). */
const char *dg_interaction_channel_get_label   (DgInteractionChannel   channel);
/* "positive", "neutral", "negative", or NULL for none, as stored. */
const char *dg_interaction_feedback_to_string  (DgInteractionFeedback  feedback);
gboolean    dg_interaction_feedback_from_string (const char            *text,
                                                 DgInteractionFeedback *out_feedback);
/* Translated, for display ("Positive"); "" for none. */
const char *dg_interaction_feedback_get_label  (DgInteractionFeedback  feedback);

DgInteraction        *dg_interaction_new             (void);
DgInteraction        *dg_interaction_copy            (DgInteraction         *self);

/* 0 until stored. */
gint64                dg_interaction_get_id          (DgInteraction         *self);
void                  dg_interaction_set_id          (DgInteraction         *self,
                                                      gint64                 id);
/* "" until stored; a restored entry keeps its own. */
const char           *dg_interaction_get_uuid        (DgInteraction         *self);
void                  dg_interaction_set_uuid        (DgInteraction         *self,
                                                      const char            *uuid);
gint64                dg_interaction_get_customer_id (DgInteraction         *self);
void                  dg_interaction_set_customer_id (DgInteraction         *self,
                                                      gint64                 customer_id);
/* When the contact happened; NULL until set. */
GDateTime            *dg_interaction_get_occurred_at (DgInteraction         *self);
void                  dg_interaction_set_occurred_at (DgInteraction         *self,
                                                      GDateTime             *occurred_at);
DgInteractionChannel  dg_interaction_get_channel     (DgInteraction         *self);
void                  dg_interaction_set_channel     (DgInteraction         *self,
                                                      DgInteractionChannel   channel);
/* What was said or agreed; may be empty, may hold several lines. */
const char           *dg_interaction_get_summary     (DgInteraction         *self);
void                  dg_interaction_set_summary     (DgInteraction         *self,
                                                      const char            *summary);
DgInteractionFeedback dg_interaction_get_feedback    (DgInteraction         *self);
void                  dg_interaction_set_feedback    (DgInteraction         *self,
                                                      DgInteractionFeedback  feedback);
GDateTime            *dg_interaction_get_created_at  (DgInteraction         *self);
void                  dg_interaction_set_created_at  (DgInteraction         *self,
                                                      GDateTime             *created_at);

/* Checks every field and stops at the first problem; the message names the
 * field ("When: …", "Summary: …"). A contact later than @clock's now is
 * refused: what is still to come is a follow-up. */
gboolean              dg_interaction_validate        (DgInteraction         *self,
                                                      DgClock               *clock,
                                                      GError               **error);

G_END_DECLS
