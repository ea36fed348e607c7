using PrepBot.Features.Study;

namespace PrepBot.Tests.Features.Study;

public sealed class StudyTokenTests
{
    [Fact]
    public void Token_round_trips_through_its_custom_id()
    {
        var token = new StudyToken(StudyAction.Grade, StudyMode.Review, 42, 7, HintUsed: true, "sql-top-n", Quality: 4);

        Assert.True(StudyToken.TryParse(token.Format(), out var parsed));
        Assert.Equal(token, parsed);
    }

    [Fact]
    public void Custom_id_fits_discords_100_characters_with_the_longest_card_id_and_large_numbers()
    {
        var token = new StudyToken(StudyAction.Grade, StudyMode.Review, long.MaxValue, int.MaxValue, HintUsed: true, new string('a', 64), Quality: 5);

        Assert.True(token.Format().Length <= 100, $"{token.Format().Length} characters");
    }

    [Theory]
    [InlineData("study:")]
    [InlineData("study:g9:q:1:0:-:card")]
    [InlineData("study:r:x:1:0:-:card")]
    [InlineData("study:r:q:-1:0:-:card")]
    [InlineData("study:r:q:1:0:?:card")]
    [InlineData("study:r:q:1:0:-:")]
    [InlineData("quiz:r:q:1:0:-:card")]
    [InlineData("study:r:q:zzzzzzzzzzzzzz:0:-:card")]
    [InlineData("study:r:q:1:zzzzzzz:-:card")]
    [InlineData("study:r:q:A:0:-:card")]
    public void Malformed_custom_ids_are_refused(string customId) =>
        Assert.False(StudyToken.TryParse(customId, out _));
}
