namespace PrepBot.Features.SqlPractice;

/// <summary>A table of a dataset as learners see it next to a question: columns with declared types, row count, first rows.</summary>
public sealed record DatasetTable(string Name, IReadOnlyList<DatasetColumn> Columns, long RowCount, IReadOnlyList<IReadOnlyList<object?>> SampleRows);

public sealed record DatasetColumn(string Name, string Type);

/// <summary>
/// A dataset built from <c>content/datasets/&lt;name&gt;.sql</c>: the serialised image of the in-memory database
/// that every attempt gets a fresh copy of, and a description of its tables.
/// </summary>
public sealed class Dataset
{
    internal Dataset(string name, string path, long version, byte[] image, IReadOnlyList<DatasetTable> tables)
    {
        Name = name;
        Path = path;
        Version = version;
        Image = image;
        Tables = tables;
    }

    public string Name { get; }

    /// <summary>Full path of the script it was built from.</summary>
    public string Path { get; }

    /// <summary>Changes whenever the dataset is rebuilt (for caches of results computed on it).</summary>
    public long Version { get; }

    /// <summary>The database file image (<c>sqlite3_serialize</c>); never modified after the build.</summary>
    internal byte[] Image { get; }

    public IReadOnlyList<DatasetTable> Tables { get; }

    public DatasetTable? Table(string name) =>
        Tables.FirstOrDefault(table => string.Equals(table.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A dataset that cannot be used: its script is missing or fails. The message names the file and, where known, the line.</summary>
public sealed class DatasetException : Exception
{
    public DatasetException(string message, string path, int line)
        : base(message)
    {
        Path = path;
        Line = line;
    }

    public DatasetException()
    {
        Path = string.Empty;
    }

    public DatasetException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>Full path of the dataset script.</summary>
    public string Path { get; }

    /// <summary>1-based line of the failing statement, or 1.</summary>
    public int Line { get; } = 1;
}
