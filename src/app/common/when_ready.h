#pragma once
// Delivers a future's result to a handler on `context`'s thread once it is ready, so pages and
// controllers read the history store and run gwcore computations without blocking the GUI
// thread. The watcher belongs to `context`: when the context goes away first, the handler never
// runs; a future that finished without a result (cancelled) does not call it either.

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace gw::app {

template <typename T, typename Handler>
void whenReady(QObject *context, const QFuture<T> &future, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, handler = std::move(handler)] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            handler(watcher->result());
    });
    watcher->setFuture(future);
}

} // namespace gw::app
