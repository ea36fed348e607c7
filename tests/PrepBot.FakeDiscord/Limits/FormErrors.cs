using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Limits;

/// <summary>Collects field errors and renders them the way Discord nests them under <c>errors</c> in a 50035 response.</summary>
internal sealed class FormErrors
{
    private readonly List<(string Path, string Code, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<string> Paths => [.. _errors.Select(e => e.Path).Distinct(StringComparer.Ordinal)];

    public static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    public static string Join(string path, int index) => Join(path, index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Add(string path, string code, string message) => _errors.Add((path, code, message));

    public void Required(string path) => Add(path, "BASE_TYPE_REQUIRED", "This field is required");

    public void MaxLength(string path, int max) => Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");

    public void BadLength(string path, int min, int max) => Add(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");

    public void Choices(string path, string allowed) => Add(path, "BASE_TYPE_CHOICES", $"Value must be one of {{{allowed}}}.");

    public void Range(string path, long min, long max) =>
        Add(path, "NUMBER_TYPE_OUT_OF_RANGE", $"Value must be between {min} and {max}.");

    /// <summary><c>{"content":{"_errors":[...]},"components":{"0":{"components":{"1":{"custom_id":{"_errors":[...]}}}}}}</c>.</summary>
    public JsonObject ToJson()
    {
        var root = new JsonObject();
        foreach (var (path, code, message) in _errors)
        {
            var node = root;
            if (path.Length > 0)
            {
                foreach (var segment in path.Split('.'))
                {
                    if (node[segment] is not JsonObject child)
                    {
                        child = [];
                        node[segment] = child;
                    }

                    node = child;
                }
            }

            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }

            list.Add(new JsonObject { ["code"] = code, ["message"] = message });
        }

        return root;
    }
}
