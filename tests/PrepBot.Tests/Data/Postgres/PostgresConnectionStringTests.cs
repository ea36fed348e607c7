using Npgsql;
using PrepBot.Data.Postgres;

namespace PrepBot.Tests.Data.Postgres;

/// <summary>PrepBot's defaults on the operator's connection string (no server needed): each applies only where the string is silent.</summary>
public sealed class PostgresConnectionStringTests
{
    private const string Plain = "Host=db;Database=prepbot;Username=prepbot";

    private static NpgsqlConnectionStringBuilder Tuned(string connectionString, int? poolSize) =>
        new(PostgresDatabase.Tuned(connectionString, "Normal", poolSize));

    [Fact]
    public void The_bots_pool_is_bounded_and_kept_open_at_its_size()
    {
        var tuned = Tuned(Plain, poolSize: 4);

        Assert.Equal(4, tuned.MaxPoolSize);
        Assert.Equal(4, tuned.MinPoolSize);
        Assert.Equal(PostgresDatabase.ApplicationName, tuned.ApplicationName);
    }

    [Fact]
    public void Without_a_pool_size_npgsqls_own_pool_defaults_stay()
    {
        var tuned = Tuned(Plain, poolSize: null);
        var npgsql = new NpgsqlConnectionStringBuilder(Plain);

        Assert.Equal(npgsql.MaxPoolSize, tuned.MaxPoolSize);
        Assert.Equal(npgsql.MinPoolSize, tuned.MinPoolSize);
    }

    [Theory]
    [InlineData("Maximum Pool Size=2", 2, 2)]
    [InlineData("maxpoolsize=7", 7, 4)]
    [InlineData("Minimum Pool Size=10", 10, 10)]
    [InlineData("Minimum Pool Size=0", 4, 0)]
    [InlineData("Maximum Pool Size=30;Minimum Pool Size=5", 30, 5)]
    public void Pool_sizes_in_the_connection_string_win(string given, int maximum, int minimum)
    {
        var tuned = Tuned($"{Plain};{given}", poolSize: 4);

        Assert.Equal(maximum, tuned.MaxPoolSize);
        Assert.Equal(minimum, tuned.MinPoolSize);
    }

    [Fact]
    public void An_application_name_in_the_connection_string_wins()
    {
        Assert.Equal("prepbot-eu-1", Tuned($"{Plain};Application Name=prepbot-eu-1", poolSize: 4).ApplicationName);
    }
}
