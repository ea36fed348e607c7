namespace PrepBot.Discord.Tests;

public sealed class ProjectSmokeTests
{
    [Fact]
    public void Options_never_print_the_token()
    {
        var options = new DiscordOptions { Token = "secret-token" };

        Assert.DoesNotContain("secret-token", options.ToString(), StringComparison.Ordinal);
    }
}
