using Microsoft.Extensions.Logging.Abstractions;
using PrepBot.Features.SqlPractice;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.SqlPractice;

public sealed class DatasetLibraryTests : IDisposable
{
    private readonly TempContentFolder _folder = new();
    private readonly DatasetLibrary _library = new(NullLogger<DatasetLibrary>.Instance);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Dataset_is_built_once_and_reused_while_its_file_is_unchanged()
    {
        _folder.Write("datasets/shop.sql", SqlFixtures.Shop);

        var first = _library.Get(_folder.ContentDirectory, "shop");
        var second = _library.Get(_folder.ContentDirectory, "shop");

        Assert.Same(first, second);
    }

    [Fact]
    public void Changed_file_is_built_again()
    {
        var path = _folder.Write("datasets/shop.sql", SqlFixtures.Shop);
        var before = _library.Get(_folder.ContentDirectory, "shop");

        File.WriteAllText(path, SqlFixtures.Shop + "\nCREATE TABLE extra (x INTEGER);\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var after = _library.Get(_folder.ContentDirectory, "shop");

        Assert.NotEqual(before.Version, after.Version);
        Assert.NotNull(after.Table("extra"));
        Assert.Null(before.Table("extra"));
    }

    [Fact]
    public void Tables_are_described_with_columns_types_counts_and_first_rows()
    {
        _folder.Write("datasets/shop.sql", SqlFixtures.Shop);

        var customers = _library.Get(_folder.ContentDirectory, "shop").Table("customers")!;

        Assert.Equal([("id", "INTEGER"), ("name", "TEXT"), ("country", "TEXT")], customers.Columns.Select(c => (c.Name, c.Type)));
        Assert.Equal(4, customers.RowCount);
        Assert.Equal(3, customers.SampleRows.Count);
        Assert.Equal([1L, "Ada", "GB"], customers.SampleRows[0]);
    }

    [Fact]
    public void Failing_script_names_the_line_of_the_failing_statement()
    {
        _folder.Write("datasets/bad.sql", "CREATE TABLE t (x INTEGER);\n\nINSERT INTO t VALUES (1);\nINSERT INTO nope VALUES (2);\n");

        var error = Assert.Throws<DatasetException>(() => _library.Get(_folder.ContentDirectory, "bad"));

        Assert.Equal(4, error.Line);
        Assert.Equal("this statement of the dataset script fails: no such table: nope", error.Message);
    }

    [Fact]
    public void Syntax_error_in_a_script_names_its_line()
    {
        _folder.Write("datasets/bad.sql", "CREATE TABLE t (x INTEGER);\nINSERT INTO t\nVALUES (1,;\n");

        var error = Assert.Throws<DatasetException>(() => _library.Get(_folder.ContentDirectory, "bad"));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Missing_dataset_is_named()
    {
        var error = Assert.Throws<DatasetException>(() => _library.Get(_folder.ContentDirectory, "nope"));

        Assert.Equal("dataset 'nope' not found: there is no datasets/nope.sql", error.Message);
    }
}
