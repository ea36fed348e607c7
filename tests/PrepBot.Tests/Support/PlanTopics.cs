namespace PrepBot.Tests.Support;

/// <summary>The plan's fixed topic ids per week (the curriculum's table; content/plan.md must list exactly these).</summary>
internal static class PlanTopics
{
    public static IReadOnlyDictionary<int, string[]> ByWeek { get; } = new Dictionary<int, string[]>
    {
        [1] = ["sql-joins", "sql-aggregation", "sql-subqueries", "sql-ctes", "window-functions", "sql-indexes", "data-landscape", "git-workflow", "behavioral"],
        [2] = ["python-pipelines", "python", "cloud-storage", "etl-elt", "file-formats", "sql-dates", "behavioral"],
        [3] = ["airflow", "behavioral"],
        [4] = ["warehousing", "dimensional-modelling", "dbt", "sql-pivots", "behavioral"],
        [5] = ["airflow-dbt", "airflow", "behavioral"],
        [6] = ["spark", "behavioral"],
        [7] = ["kafka", "streaming", "behavioral"],
        [8] = ["scd", "fact-tables", "dbt-advanced", "behavioral"],
        [9] = ["code-quality", "pipeline-testing", "data-quality", "behavioral"],
        [10] = ["monitoring", "optimisation", "behavioral"],
        [11] = ["streaming-architecture", "sessionisation", "behavioral"],
        [12] = ["security", "devops", "behavioral"],
        [13] = ["system-design", "capstone", "behavioral"],
        [14] = ["system-design", "capstone", "behavioral"],
        [15] = ["system-design", "capstone", "behavioral"],
        [16] = ["behavioral", "interview-prep", "sql-interview-patterns", "system-design", "python"],
    };
}
