namespace PrepBot.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Truth() => Assert.True(true);
}
