using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Learning.Fsrs;

public sealed class AnkiRevlogCsvTests
{
    private static IReadOnlyList<SrsCardHistory> Read(string text) => AnkiRevlogCsv.Read(new StringReader(text));

    private static RevlogFormatException Fails(string text) => Assert.Throws<RevlogFormatException>(() => Read(text));

    [Fact]
    public void Reads_card_id_millisecond_time_grade_and_elapsed_days_into_time_ordered_histories()
    {
        var histories = Read("""
            card_id,review_time,review_rating,elapsed_days
            7,1736186220000,3,-1
            9,1736186400000,1,-1
            7,1736445420000,4,3
            9,1736186700000,3,0
            """);

        Assert.Equal(["7", "9"], histories.Select(h => h.CardId));
        Assert.Equal(
            [new SrsReview(DateTimeOffset.FromUnixTimeMilliseconds(1736186220000), FsrsRating.Good, 0),
             new SrsReview(DateTimeOffset.FromUnixTimeMilliseconds(1736445420000), FsrsRating.Easy, 3)],
            histories[0].Reviews);
        Assert.Equal([FsrsRating.Again, FsrsRating.Good], histories[1].Reviews.Select(r => r.Rating));
    }

    [Fact]
    public void Reads_ankis_own_revlog_columns_counting_elapsed_days_between_utc_dates()
    {
        // Anki's revlog table: id is the review time in ms, cid the card, ease the grade; "time" is the answer duration.
        var histories = Read("""
            id,cid,usn,ease,ivl,lastIvl,factor,time,type
            1736186220000,100,-1,3,1,0,2500,6000,0
            1736359020000,100,-1,2,3,1,2350,9000,1
            """);

        var card = Assert.Single(histories);
        Assert.Equal("100", card.CardId);
        Assert.Equal([0, 2], card.Reviews.Select(r => r.ElapsedDays));
        Assert.Equal([FsrsRating.Good, FsrsRating.Hard], card.Reviews.Select(r => r.Rating));
    }

    [Fact]
    public void Without_a_header_columns_are_card_time_grade_with_times_in_seconds_or_iso_8601()
    {
        var histories = Read("""
            a,1736186220,3
            a,2025-01-09T18:00:00Z,1
            """);

        var reviews = Assert.Single(histories).Reviews;
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1736186220), reviews[0].At);
        Assert.Equal(new DateTimeOffset(2025, 1, 9, 18, 0, 0, TimeSpan.Zero), reviews[1].At);
        Assert.Equal(3, reviews[1].ElapsedDays);
    }

    [Fact]
    public void Header_names_ignore_case_spaces_and_quotes_and_tabs_separate_as_well_as_commas()
    {
        var histories = Read("\"Card ID\"\tReview Time\tGrade\n\"x,1\"\t1736186220000\t2\n");

        Assert.Equal("x,1", Assert.Single(histories).CardId);
    }

    [Fact]
    public void Manual_reschedules_with_ease_zero_are_skipped()
    {
        var histories = Read("""
            card_id,review_time,ease
            1,1736186220000,3
            1,1736200000000,0
            """);

        Assert.Single(Assert.Single(histories).Reviews);
    }

    [Fact]
    public void A_grade_out_of_range_names_the_line_and_column()
    {
        var error = Fails("""
            card_id,review_time,review_rating
            1,1736186220000,3
            1,1736445420000,7
            """);

        Assert.Equal(3, error.LineNumber);
        Assert.Equal("review_rating", error.Column);
        Assert.StartsWith("Line 3, column review_rating: '7' is not a grade", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_time_names_the_line_and_column()
    {
        var error = Fails("card_id,review_time,review_rating\n1,yesterday,3\n");

        Assert.Equal((2, "review_time"), (error.LineNumber, error.Column));
        Assert.Contains("'yesterday' is not a review time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_too_few_fields_is_refused_and_nothing_is_returned()
    {
        var error = Fails("card_id,review_time,review_rating,elapsed_days\n1,1736186220000,3,0\n2,1736186220000\n3,1736186220000,3,0\n");

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("expected at least 4 fields, found 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_elapsed_days_and_a_first_review_marker_on_a_later_review_are_refused()
    {
        var notNumber = Fails("card_id,review_time,review_rating,elapsed_days\n1,1736186220000,3,two\n");
        var lateMarker = Fails("card_id,review_time,review_rating,elapsed_days\n1,1736186220000,3,-1\n1,1736445420000,3,-1\n");

        Assert.Equal((2, "elapsed_days"), (notNumber.LineNumber, notNumber.Column));
        Assert.Equal((3, "elapsed_days"), (lateMarker.LineNumber, lateMarker.Column));
        Assert.Contains("reviewed before", lateMarker.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_a_grade_column_says_what_it_lacks()
    {
        var error = Fails("card_id,review_time,answer\n1,1736186220000,3\n");

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("lacks a grade (review_rating, rating, grade, ease)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_and_an_empty_card_id_are_refused()
    {
        Assert.Equal(2, Fails("card_id,review_time,review_rating\n\"1,1736186220000,3\n").LineNumber);
        Assert.Equal("card_id", Fails("card_id,review_time,review_rating\n ,1736186220000,3\n").Column);
    }

    [Fact]
    public void What_write_writes_read_reads_back()
    {
        var histories = FsrsReviewSimulator.Simulate(FsrsParameters.DefaultWeights, 20, 60, 3);
        using var writer = new StringWriter();

        AnkiRevlogCsv.Write(writer, histories);
        var back = Read(writer.ToString());

        Assert.Equal(
            histories.OrderBy(h => h.CardId, StringComparer.Ordinal).SelectMany(h => h.Reviews.Select(r => (h.CardId, r))),
            back.OrderBy(h => h.CardId, StringComparer.Ordinal).SelectMany(h => h.Reviews.Select(r => (h.CardId, r))));
    }
}
