-- Drivers log in with badge and PIN like everyone else (the driver app, at the edge and at HQ). The role's CHECK
-- constraint of V1 has no name Derby lets a migration refer to, so the column is rebuilt with a named one.
ALTER TABLE wedge_user ADD COLUMN role_v2 VARCHAR(12);
UPDATE wedge_user SET role_v2 = role;
ALTER TABLE wedge_user DROP COLUMN role;
RENAME COLUMN wedge_user.role_v2 TO role;
ALTER TABLE wedge_user ALTER COLUMN role NOT NULL;
ALTER TABLE wedge_user ADD CONSTRAINT wedge_user_role
    CHECK (role IN ('PICKER', 'PACKER', 'DOCK', 'SUPERVISOR', 'ADMIN', 'DRIVER'));
