package io.lakeshift.model;

/** Breaks the architecture rules on purpose, so ArchitectureTest can show they refuse it. Never used. */
public final class ForbiddenImports {
    org.apache.spark.sql.SparkSession spark;
    io.lakeshift.plan.Plan plan;
}
