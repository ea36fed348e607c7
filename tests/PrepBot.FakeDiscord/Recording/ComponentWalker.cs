using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Recording;

/// <summary>Walks nested components (rows, labels, sections, containers) depth first.</summary>
internal static class ComponentWalker
{
    public static IEnumerable<JsonObject> All(JsonArray? components) =>
        components is null ? [] : components.OfType<JsonObject>().SelectMany(WithChildren);

    public static IReadOnlyList<string> CustomIds(JsonArray? components) =>
        [.. All(components).Select(c => c["custom_id"]).OfType<JsonValue>().Select(v => v.ToString())];

    public static JsonObject? Find(JsonArray? components, string customId) =>
        All(components).FirstOrDefault(c => c["custom_id"] is JsonValue v && v.ToString() == customId);

    private static IEnumerable<JsonObject> WithChildren(JsonObject component)
    {
        yield return component;
        foreach (var child in All(component["components"] as JsonArray))
        {
            yield return child;
        }

        foreach (var key in (string[])["component", "accessory"])
        {
            if (component[key] is JsonObject inner)
            {
                foreach (var child in WithChildren(inner))
                {
                    yield return child;
                }
            }
        }
    }
}
