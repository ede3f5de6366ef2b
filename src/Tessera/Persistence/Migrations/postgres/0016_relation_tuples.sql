-- Relation tuples (Ory Keto's relationships): namespace:object#relation@subject, where the subject is an id or a
-- subject set (namespace:object#relation). Absent subject parts are stored as '' rather than NULL so that the unique
-- index decides duplicates (NULLs never conflict): a tuple written twice is one row, whichever node wrote it.
CREATE TABLE relation_tuples (
    id UUID PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    namespace TEXT NOT NULL,
    object TEXT NOT NULL,
    relation TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    subject_set_namespace TEXT NOT NULL,
    subject_set_object TEXT NOT NULL,
    subject_set_relation TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
-- Serves the exact-tuple lookup of a check and, by its prefix, the subject sets of (namespace, object, relation).
CREATE UNIQUE INDEX relation_tuples_uq_idx ON relation_tuples
    (nid, namespace, object, relation, subject_id, subject_set_namespace, subject_set_object, subject_set_relation);
-- Serves whoami's relations and the clean-up when an identity is deleted.
CREATE INDEX relation_tuples_subject_id_idx ON relation_tuples (nid, subject_id);
-- Serves the one-hop join of a check: which subject sets contain this subject.
CREATE INDEX relation_tuples_subject_idx ON relation_tuples
    (nid, subject_id, subject_set_namespace, subject_set_object, subject_set_relation, namespace, object, relation);

-- Deleting an identity deletes the tuples whose subject id is that identity's id (in whatever way it is deleted:
-- admin API, batch, CLI), so a re-used id can never inherit permissions. Tuples naming it as an object stay. The id
-- matches in its lower- or upper-case spelling (the API returns lower case; SQLite stores Guids upper case).
CREATE FUNCTION relation_tuples_delete_identity_subject() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM relation_tuples WHERE nid = OLD.nid AND subject_id IN (OLD.id::text, upper(OLD.id::text));
    RETURN OLD;
END;
$$;
CREATE TRIGGER relation_tuples_identity_deleted AFTER DELETE ON identities
    FOR EACH ROW EXECUTE FUNCTION relation_tuples_delete_identity_subject();
