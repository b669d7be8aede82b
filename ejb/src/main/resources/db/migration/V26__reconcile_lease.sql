-- The orphan reconciliation runs once per cluster and interval (operator.control.ReconcileSchedule):
-- a node runs a pass only when its UPDATE moved the lease forward; nodes whose timer fired at the
-- same time find the lease taken and skip. Platform bookkeeping only: no tenant data.
CREATE TABLE reconcile_lease (
  name        VARCHAR(32)  NOT NULL,
  holder      VARCHAR(64),
  lease_until TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB;

INSERT INTO reconcile_lease (name, holder, lease_until)
  VALUES ('orphans', NULL, '1970-01-02 00:00:00');
