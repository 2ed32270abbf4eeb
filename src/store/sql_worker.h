#pragma once
// A thread that owns one Database connection and runs queued jobs on it in order. QSqlDatabase
// connections belong to the thread that opened them, so the connection is opened, used and
// closed by jobs on this thread only.

#include "database.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <functional>

namespace gw::store {

class SqlWorker : public QThread {
public:
    using Job = std::function<void(Database &)>;

    SqlWorker();
    ~SqlWorker() override; // runs what is queued, closes the connection, joins

    void post(Job job); // starts the thread on first use
    void finish();      // runs what is queued, closes the connection, joins; post() restarts

protected:
    void run() override;

private:
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    bool m_accepting = false; // the loop is running and will see a posted job
};

} // namespace gw::store
