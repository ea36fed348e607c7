using System.Runtime.CompilerServices;

namespace PrepBot.Learning.Fsrs;

/// <summary>The 21 partial derivatives a <see cref="Dual"/> carries, one per FSRS weight, stored inline.</summary>
[InlineArray(FsrsParameters.WeightCount)]
internal struct WeightGradient
{
    private double _element;
}

/// <summary>
/// A forward-mode dual number: a value and its exact gradient with respect to the 21 FSRS weights. Arithmetic on duals
/// applies the chain rule, so running the FSRS formulas on them gives the loss and its gradient in one pass.
/// Where a formula clamps, the gradient of a clamped value is 0 (as in PyTorch's clamp).
/// </summary>
internal struct Dual
{
    private const int N = FsrsParameters.WeightCount;

    public double Value;
    public WeightGradient Gradient;

    public static Dual Constant(double value) => new() { Value = value };

    public static Dual Weight(double value, int index)
    {
        var result = new Dual { Value = value };
        result.Gradient[index] = 1;
        return result;
    }

    public static Dual operator +(in Dual a, in Dual b)
    {
        var r = new Dual { Value = a.Value + b.Value };
        for (var i = 0; i < N; i++)
        {
            r.Gradient[i] = a.Gradient[i] + b.Gradient[i];
        }

        return r;
    }

    public static Dual operator +(in Dual a, double b)
    {
        var r = a;
        r.Value += b;
        return r;
    }

    public static Dual operator -(in Dual a, in Dual b)
    {
        var r = new Dual { Value = a.Value - b.Value };
        for (var i = 0; i < N; i++)
        {
            r.Gradient[i] = a.Gradient[i] - b.Gradient[i];
        }

        return r;
    }

    public static Dual operator -(double a, in Dual b) => Scale(b, -1) + a;

    public static Dual operator -(in Dual a) => Scale(a, -1);

    public static Dual operator *(in Dual a, in Dual b)
    {
        var r = new Dual { Value = a.Value * b.Value };
        for (var i = 0; i < N; i++)
        {
            r.Gradient[i] = (a.Gradient[i] * b.Value) + (b.Gradient[i] * a.Value);
        }

        return r;
    }

    public static Dual operator *(in Dual a, double b) => Scale(a, b);

    public static Dual operator /(in Dual a, in Dual b)
    {
        var value = a.Value / b.Value;
        var r = new Dual { Value = value };
        for (var i = 0; i < N; i++)
        {
            r.Gradient[i] = (a.Gradient[i] - (value * b.Gradient[i])) / b.Value;
        }

        return r;
    }

    public static Dual Exp(in Dual a)
    {
        var value = Math.Exp(a.Value);
        return WithDerivative(a, value, value);
    }

    public static Dual Log(in Dual a) => WithDerivative(a, Math.Log(a.Value), 1 / a.Value);

    /// <summary>a^c for a constant exponent, a &gt; 0.</summary>
    public static Dual Pow(in Dual a, double c)
    {
        var value = Math.Pow(a.Value, c);
        return WithDerivative(a, value, c * value / a.Value);
    }

    /// <summary>a^b = e^(b·ln a), a &gt; 0.</summary>
    public static Dual Pow(in Dual a, in Dual b)
    {
        var log = Math.Log(a.Value);
        var value = Math.Pow(a.Value, b.Value);
        var r = new Dual { Value = value };
        for (var i = 0; i < N; i++)
        {
            r.Gradient[i] = value * ((b.Gradient[i] * log) + (b.Value * a.Gradient[i] / a.Value));
        }

        return r;
    }

    public static Dual Max(in Dual a, double floor) => a.Value >= floor ? a : Constant(floor);

    public static Dual Min(in Dual a, double ceiling) => a.Value <= ceiling ? a : Constant(ceiling);

    public static Dual Min(in Dual a, in Dual b) => a.Value <= b.Value ? a : b;

    public static Dual Clamp(in Dual a, double min, double max) => Min(Max(a, min), max);

    private static Dual Scale(in Dual a, double factor)
    {
        var r = new Dual { Value = a.Value * factor };
        for (var i = 0; i < N; i++)
        {
            r.Gradient[i] = a.Gradient[i] * factor;
        }

        return r;
    }

    private static Dual WithDerivative(in Dual a, double value, double derivative)
    {
        var r = new Dual { Value = value };
        for (var i = 0; i < N; i++)
        {
            r.Gradient[i] = a.Gradient[i] * derivative;
        }

        return r;
    }
}
