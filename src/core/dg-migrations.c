/* dg-migrations.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-migrations.h"

/* Later issues append migrations; a shipped one is never edited. */
static const char * const migrations[] = {
  /* 1: customers, tags and their search index. */
  "CREATE TABLE customers ("
  "  id             INTEGER PRIMARY KEY,"
  "  uuid           TEXT NOT NULL UNIQUE,"
  "  name           TEXT NOT NULL,"
  "  phone          TEXT NOT NULL DEFAULT '',"
  "  phone_digits   TEXT NOT NULL DEFAULT '',"
  "  email          TEXT NOT NULL DEFAULT '',"
  "  organization   TEXT NOT NULL DEFAULT '',"
  "  source         TEXT NOT NULL DEFAULT '',"
  "  birthday       TEXT,"                      /* YYYY-MM-DD */
  "  marketing_consent INTEGER NOT NULL DEFAULT 0,"
  "  consent_at     TEXT,"                      /* ISO 8601 UTC */
  "  note           TEXT NOT NULL DEFAULT '',"
  "  archived       INTEGER NOT NULL DEFAULT 0,"
  "  tags_text      TEXT NOT NULL DEFAULT '',"  /* sorted names, ", " joined */
  "  created_at     TEXT NOT NULL,"
  "  updated_at     TEXT NOT NULL"
  ");"
  "CREATE INDEX customers_by_name    ON customers (archived, name COLLATE NOCASE, id);"
  "CREATE INDEX customers_by_phone   ON customers (archived, phone_digits, id);"
  "CREATE INDEX customers_by_email   ON customers (archived, email COLLATE NOCASE, id);"
  "CREATE INDEX customers_by_tags    ON customers (archived, tags_text COLLATE NOCASE, id);"
  "CREATE INDEX customers_by_created ON customers (archived, created_at, id);"
  "CREATE TABLE tags ("
  "  id     INTEGER PRIMARY KEY,"
  "  uuid   TEXT NOT NULL UNIQUE,"
  "  name   TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  color  TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE customer_tags ("
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (customer_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX customer_tags_by_tag ON customer_tags (tag_id, customer_id);"
  /* One normalized text per customer: its searchable fields, NFC and
   * case-folded, joined by U+001F so that no query spans two fields. The
   * trigram index answers queries of three or more characters; shorter ones
   * scan this narrow table. */
  "CREATE TABLE customer_search ("
  "  customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,"
  "  haystack    TEXT NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE customer_fts USING fts5 ("
  "  haystack, content='customer_search', content_rowid='customer_id',"
  "  tokenize='trigram'"
  ");"
  "CREATE TRIGGER customer_search_ai AFTER INSERT ON customer_search BEGIN"
  "  INSERT INTO customer_fts (rowid, haystack) VALUES (new.customer_id, new.haystack);"
  "END;"
  "CREATE TRIGGER customer_search_ad AFTER DELETE ON customer_search BEGIN"
  "  INSERT INTO customer_fts (customer_fts, rowid, haystack)"
  "    VALUES ('delete', old.customer_id, old.haystack);"
  "END;"
  "CREATE TRIGGER customer_search_au AFTER UPDATE ON customer_search BEGIN"
  "  INSERT INTO customer_fts (customer_fts, rowid, haystack)"
  "    VALUES ('delete', old.customer_id, old.haystack);"
  "  INSERT INTO customer_fts (rowid, haystack) VALUES (new.customer_id, new.haystack);"
  "END;",
};

const char *
dg_migration_sql (int version)
{
  if (version < 1 || version > (int) G_N_ELEMENTS (migrations))
    return NULL;

  return migrations[version - 1];
}

int
dg_migrations_latest (void)
{
  return G_N_ELEMENTS (migrations);
}
