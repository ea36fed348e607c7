using PrepBot.Features.Star;

namespace PrepBot.Tests.Features.Star;

public sealed class StarTokenTests
{
    [Fact]
    public void Timed_token_round_trips_through_its_custom_id()
    {
        var token = new StarToken(StarAction.Submit, 12345, 7, DateTimeOffset.FromUnixTimeSeconds(1_780_000_000), "behavioral-conflict-with-teammate");

        Assert.True(StarToken.TryParse(token.Format(), out var parsed));
        Assert.Equal(token, parsed);
    }

    [Fact]
    public void Untimed_token_has_a_dash_for_its_start()
    {
        var id = new StarToken(StarAction.Write, 1, 0, null, "behavioral-x").Format();

        Assert.Equal("star:w:1:0:-:behavioral-x", id);
    }

    [Fact]
    public void Longest_card_id_fits_discords_custom_id_limit()
    {
        var token = new StarToken(StarAction.Reuse, 9_999_999, 999, DateTimeOffset.FromUnixTimeSeconds(4_000_000_000), new string('a', 64));

        Assert.True(token.Format().Length <= StarToken.MaxLength);
    }

    [Theory]
    [InlineData("star:")]
    [InlineData("star:x:1:0:-:card")]
    [InlineData("star:w:1:0:-:")]
    [InlineData("star:w:!:0:-:card")]
    [InlineData("star:w:1:0:zz!:card")]
    [InlineData("star:w:1:0:-:card:extra")]
    [InlineData("study:r:q:1:0:-:card")]
    public void Malformed_custom_ids_are_refused(string customId) =>
        Assert.False(StarToken.TryParse(customId, out _));
}
