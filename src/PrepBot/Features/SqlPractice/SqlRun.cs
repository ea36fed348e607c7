namespace PrepBot.Features.SqlPractice;

/// <summary>The columns and rows a query returned; values are <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="byte"/>[] or null.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

public enum SqlRunStatus
{
    /// <summary>The query ran to the end; <see cref="SqlRun.Result"/> holds its rows.</summary>
    Completed,

    /// <summary>The sandbox would not run it, or stopped it: not a single SELECT, or over a limit.</summary>
    Refused,

    /// <summary>SQLite reported an error (syntax, unknown table or column, ...).</summary>
    Failed,
}

/// <summary>What running one query in the sandbox gave.</summary>
/// <param name="Status">Completed, refused or failed.</param>
/// <param name="Result">The rows, when completed.</param>
/// <param name="Message">Why it was refused or failed, written for the learner; empty when completed.</param>
/// <param name="ErrorIndex">Character index in the query that the message is about, when SQLite or the sandbox gives one.</param>
/// <param name="TablesRead">The dataset tables the query reads, in the order SQLite resolved them.</param>
public sealed record SqlRun(SqlRunStatus Status, QueryResult? Result, string Message, int? ErrorIndex, IReadOnlyList<string> TablesRead)
{
    internal static SqlRun Refused(string message, int? errorIndex = null) => new(SqlRunStatus.Refused, null, message, errorIndex, []);

    internal static SqlRun Failed(string message, int? errorIndex) => new(SqlRunStatus.Failed, null, message, errorIndex, []);
}
