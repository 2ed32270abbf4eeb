#pragma once
// The one error convention outside located input errors (those are Diagnostics, with a file,
// line or JSON path each): a function that can fail for one reason returns Outcome<T>, the value
// or the reason there is none, in words for the operator ("could not write out.json: disk full").
// Every layer uses it (gw::store, gw::net, the app and the CLI read it the same way); a function
// with nothing to return on success returns Outcome<bool> (value true).

#include <QString>

#include <utility>

namespace gw {

template <typename T>
struct Outcome {
    T value{};
    QString error; // empty on success; never carries a secret

    bool ok() const { return error.isEmpty(); }
    static Outcome success(T value)
    {
        Outcome o;
        o.value = std::move(value);
        return o;
    }
    static Outcome failure(QString why)
    {
        Outcome o;
        o.error = std::move(why);
        return o;
    }
};

} // namespace gw
