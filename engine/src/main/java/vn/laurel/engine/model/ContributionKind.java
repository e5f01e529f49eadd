package vn.laurel.engine.model;

/** What a household contributed (award-catalogue §4, UNIT_CERTIFICATE_OF_MERIT: "contribution of work, land or assets"). */
public enum ContributionKind { WORK, LAND, ASSETS }
