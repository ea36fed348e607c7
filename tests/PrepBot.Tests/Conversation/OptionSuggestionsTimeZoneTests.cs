using PrepBot.Conversation;

namespace PrepBot.Tests.Conversation;

public sealed class OptionSuggestionsTimeZoneTests
{
    [Fact]
    public void Any_timezone_option_suggests_iana_zones_matching_a_city_in_any_case()
    {
        var choices = OptionSuggestions.SuggestTimeZones("new y");

        Assert.Contains(choices, c => c.Value == "America/New_York");
        Assert.All(choices, c => Assert.Contains("new_y", c.Value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Empty_text_offers_at_most_twenty_five_zones()
    {
        var choices = OptionSuggestions.SuggestTimeZones(string.Empty);

        Assert.Equal(OptionSuggestions.MaxSuggestions, choices.Count);
        Assert.DoesNotContain(choices, c => c.Value.StartsWith("Etc/GMT", StringComparison.Ordinal) && c.Value.Length < 4);
    }
}
