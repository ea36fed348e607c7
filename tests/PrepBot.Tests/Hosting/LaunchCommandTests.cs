using PrepBot.Hosting;

namespace PrepBot.Tests.Hosting;

public sealed class LaunchCommandTests
{
    [Fact]
    public void No_arguments_is_the_default_mode()
    {
        Assert.Equal(LaunchMode.Default, LaunchCommand.Parse([]).Mode);
    }

    [Fact]
    public void Settings_alone_keep_the_default_mode_and_pass_through()
    {
        var launch = LaunchCommand.Parse(["--Data:DatabasePath=x.db"]);

        Assert.Equal(LaunchMode.Default, launch.Mode);
        Assert.Equal(["--Data:DatabasePath=x.db"], launch.HostArguments);
    }

    [Fact]
    public void Practice_passes_the_rest_to_configuration()
    {
        var launch = LaunchCommand.Parse(["practice", "--Practice:TimeZone=Europe/Berlin"]);

        Assert.Equal(LaunchMode.Practice, launch.Mode);
        Assert.Equal(["--Practice:TimeZone=Europe/Berlin"], launch.HostArguments);
    }

    [Fact]
    public void Data_copy_takes_the_target_connection_string_and_passes_settings_through()
    {
        var launch = LaunchCommand.Parse(["data", "copy", "--to-postgres", "Host=db;Database=prepbot", "--Data:DatabasePath=x.db"]);

        Assert.Equal((LaunchMode.DataCopy, "Host=db;Database=prepbot", null), (launch.Mode, launch.PostgresTarget, launch.Error));
        Assert.Equal(["--Data:DatabasePath=x.db"], launch.HostArguments);
        Assert.Equal("Host=db", LaunchCommand.Parse(["data", "copy", "--to-postgres=Host=db"]).PostgresTarget);
    }

    [Fact]
    public void Data_copy_without_a_target_says_how_to_give_one()
    {
        var launch = LaunchCommand.Parse(["data", "copy", "--to-postgres"]);

        Assert.Equal(LaunchMode.DataCopy, launch.Mode);
        Assert.StartsWith("data copy needs --to-postgres and the target's connection string", launch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_check_takes_a_folder()
    {
        var launch = LaunchCommand.Parse(["content", "check", "--content", "cards", "--Logging:LogLevel:Default=Warning"]);

        Assert.Equal((LaunchMode.ContentCheck, "cards"), (launch.Mode, launch.ContentDirectory));
        Assert.Equal(["--Logging:LogLevel:Default=Warning"], launch.HostArguments);
    }

    [Fact]
    public void Content_stats_takes_min_reviews_and_passes_settings_on()
    {
        var spaced = LaunchCommand.Parse(["content", "stats", "--min-reviews", "5", "--Data:DatabasePath=x.db"]);
        var joined = LaunchCommand.Parse(["content", "stats", "--min-reviews=7"]);
        var plain = LaunchCommand.Parse(["content", "stats"]);

        Assert.Equal((LaunchMode.ContentStats, 5, null), (spaced.Mode, spaced.MinReviews, spaced.Error));
        Assert.Equal(["--Data:DatabasePath=x.db"], spaced.HostArguments);
        Assert.Equal(7, joined.MinReviews);
        Assert.Equal(1, plain.MinReviews);
    }

    [Fact]
    public void Content_stats_refuses_a_stray_word()
    {
        Assert.Equal("content stats takes no 'cards'; --min-reviews needs a whole number of reviews from 1 up, e.g. --min-reviews 5.",
            LaunchCommand.Parse(["content", "stats", "cards"]).Error);
    }

    [Fact]
    public void Content_flag_without_a_folder_is_an_error()
    {
        Assert.Equal("--content needs a folder, e.g. --content content", LaunchCommand.Parse(["content", "check", "--content"]).Error);
    }

    [Fact]
    public void Unknown_verb_is_an_error_that_names_it()
    {
        Assert.Equal("Unknown command 'serve now'.", LaunchCommand.Parse(["serve", "now"]).Error);
    }

    [Fact]
    public void Sql_try_takes_a_card_and_a_query_file_and_passes_settings_through()
    {
        var launch = LaunchCommand.Parse(["sql", "try", "sql-top", "-", "--Content:Directory=cards"]);

        Assert.Equal((LaunchMode.SqlTry, "sql-top", "-"), (launch.Mode, launch.SqlCard, launch.SqlQuery));
        Assert.Equal(["--Content:Directory=cards"], launch.HostArguments);
    }

    [Fact]
    public void Sql_try_without_a_query_file_is_an_error_that_shows_how()
    {
        Assert.Equal(LaunchCommand.SqlTryUsage, LaunchCommand.Parse(["sql", "try", "sql-top"]).Error);
    }

    [Fact]
    public void Srs_evaluate_takes_a_log_file_or_none_and_passes_settings_on()
    {
        var spaced = LaunchCommand.Parse(["srs", "evaluate", "--log", "revlog.csv", "--Data:DatabasePath=x.db"]);
        var joined = LaunchCommand.Parse(["srs", "evaluate", "--log=revlog.csv"]);
        var plain = LaunchCommand.Parse(["srs", "evaluate"]);

        Assert.Equal((LaunchMode.SrsEvaluate, "revlog.csv", null), (spaced.Mode, spaced.LogFile, spaced.Error));
        Assert.Equal(["--Data:DatabasePath=x.db"], spaced.HostArguments);
        Assert.Equal("revlog.csv", joined.LogFile);
        Assert.Equal((LaunchMode.SrsEvaluate, null, null), (plain.Mode, plain.LogFile, plain.Error));
    }

    [Fact]
    public void Srs_evaluate_refuses_an_unknown_option_a_missing_file_and_two_logs_by_name()
    {
        Assert.StartsWith("srs evaluate has no option '--held-out';", LaunchCommand.Parse(["srs", "evaluate", "--held-out", "0.3"]).Error, StringComparison.Ordinal);
        Assert.StartsWith("--log needs a file,", LaunchCommand.Parse(["srs", "evaluate", "--log", "--Data:DatabasePath=x.db"]).Error, StringComparison.Ordinal);
        Assert.Equal("--log is given twice ('a.csv' and 'b.csv'); srs evaluate reads one log.", LaunchCommand.Parse(["srs", "evaluate", "--log", "a.csv", "--log=b.csv"]).Error);
    }
}
