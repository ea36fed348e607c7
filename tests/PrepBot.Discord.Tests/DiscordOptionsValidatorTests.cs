namespace PrepBot.Discord.Tests;

public sealed class DiscordOptionsValidatorTests
{
    private static string Failures(DiscordOptions options) =>
        new DiscordOptionsValidator().Validate(null, options).FailureMessage ?? string.Empty;

    [Fact]
    public void Empty_token_is_refused_naming_the_key()
    {
        Assert.Contains("Discord:Token is empty", Failures(new DiscordOptions()), StringComparison.Ordinal);
    }

    [Fact]
    public void Shard_range_beyond_the_shard_count_is_refused_naming_the_key()
    {
        var failures = Failures(new DiscordOptions { Token = "t", ShardCount = 4, ShardIds = "2-5" });

        Assert.Contains("Discord:ShardIds '2-5': shard 5 does not exist with 4 shard(s)", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_api_base_url_is_refused_naming_the_key()
    {
        Assert.Contains("Discord:ApiBaseUrl", Failures(new DiscordOptions { Token = "t", ApiBaseUrl = "/api" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_never_show_the_token()
    {
        Assert.DoesNotContain("secret-token-value", Failures(new DiscordOptions { Token = "Bot secret-token-value", GlobalRateLimitPerSecond = 0 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Good_settings_pass()
    {
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "t", ShardCount = 4, ShardIds = "0-1,3", DevelopmentGuildId = "123" }).Succeeded);
    }

    [Fact]
    public void Shard_range_lists_each_id_once()
    {
        Assert.True(ShardRange.TryParse("0-2,1,3", 4, out var ids, out _));
        Assert.Equal([0, 1, 2, 3], ids);
    }
}
