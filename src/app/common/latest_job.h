#pragma once
// "The latest request wins": a page or controller that recomputes when its inputs change starts
// a new job each time; a job's answer is delivered only while no newer job was started and
// nothing cancelled it since. Nothing ever waits: a superseded or cancelled job runs to its end
// on its own thread and its result is dropped when it arrives (so a job must own or share what it
// reads: copies, or a std::shared_ptr to a borrowed resource).
//
// run() covers the common case (one QFuture per request, delivered through whenReady); start()
// and isLatest() cover answers that arrive another way (a network reply, two chained futures).

#include "common/when_ready.h"

#include <QObject>
#include <QtGlobal>

#include <memory>

namespace gw::app {

template <typename T>
class LatestJob {
public:
    using Ticket = quint64;

    // Handlers run on `context`'s thread and never after `context` is gone.
    explicit LatestJob(QObject *context) : m_context(context) {}

    // A new request: every older ticket goes stale.
    Ticket start() { return ++m_state->started; }
    // The latest request's ticket, for work that belongs to it (several checks of one reload).
    Ticket latest() const { return m_state->started; }
    bool isLatest(Ticket ticket) const { return ticket == m_state->started; }
    // The latest request's answer is shown (isSettled() turns true).
    void markShown(Ticket ticket)
    {
        if (isLatest(ticket))
            m_state->shown = ticket;
    }
    // Drops the answer of the job running now (without waiting for it).
    void cancel() { ++m_state->started; }

    // Starts a request answered by `future`: `handler(const T &)` gets its result unless a newer
    // request was started or cancel() called meanwhile (a future cancelled without a result is
    // never delivered either, see whenReady).
    template <typename Handler>
    Ticket run(const QFuture<T> &future, Handler handler)
    {
        const Ticket ticket = start();
        whenReady(m_context, future, [state = m_state, ticket, handler = std::move(handler)](const T &result) {
            if (ticket != state->started)
                return; // superseded
            state->shown = ticket;
            handler(result);
        });
        return ticket;
    }

    // True when the latest request has been answered (or none was made) and none is pending.
    bool isSettled() const { return m_state->shown == m_state->started; }

private:
    struct State {
        Ticket started = 0;
        Ticket shown = 0;
    };
    QObject *m_context;
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace gw::app
