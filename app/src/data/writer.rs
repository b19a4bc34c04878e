//! Group commit. Answers that arrive together are written in one transaction, so one flush to
//! disk acknowledges many of them: a school hall of tablets is not held up by one flush each.
//!
//! Each write runs inside its own savepoint, so a write that fails (say, a resend whose id is
//! already stored) is undone alone and the others in the batch still commit. Every caller hears
//! back only once the batch has committed, so what it reads next is already there.

use sqlx::{AnyConnection, AnyPool};
use std::future::Future;
use std::pin::Pin;
use tokio::sync::{mpsc, oneshot};

/// The most writes one transaction takes.
const BATCH: usize = 64;

/// Statements to run together on the writer's connection.
pub type Write = Box<
    dyn for<'c> FnOnce(
            &'c mut AnyConnection,
        )
            -> Pin<Box<dyn Future<Output = Result<(), sqlx::Error>> + Send + 'c>>
        + Send,
>;

struct Job {
    write: Write,
    done: oneshot::Sender<Result<(), sqlx::Error>>,
}

#[derive(Clone, Debug)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer; it stops when the last `Db` holding it is dropped.
    pub fn start(pool: AnyPool) -> Self {
        let (jobs, queue) = mpsc::channel(BATCH * 16);
        tokio::spawn(run(pool, queue));
        Writer { jobs }
    }

    /// False once the writer's task has ended (it panicked, or its pool was closed under it):
    /// then no answer can be stored.
    pub fn is_running(&self) -> bool {
        !self.jobs.is_closed()
    }

    /// Waits until every write already queued has been committed (or has failed).
    pub async fn drain(&self) {
        let (done, outcome) = oneshot::channel();
        let nothing: Write = Box::new(|_| Box::pin(async { Ok(()) }));
        // The queue is first in, first out: once this empty write is through, so is all before it.
        if self
            .jobs
            .send(Job {
                write: nothing,
                done,
            })
            .await
            .is_ok()
        {
            let _ = outcome.await;
        }
    }

    pub async fn write(&self, write: Write) -> Result<(), sqlx::Error> {
        let (done, outcome) = oneshot::channel();
        self.jobs
            .send(Job { write, done })
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        outcome.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

async fn run(pool: AnyPool, mut queue: mpsc::Receiver<Job>) {
    while let Some(first) = queue.recv().await {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        for (done, outcome) in commit(&pool, batch).await {
            let _ = done.send(outcome);
        }
    }
}

type Outcome = (
    oneshot::Sender<Result<(), sqlx::Error>>,
    Result<(), sqlx::Error>,
);

/// Runs the batch in one transaction; each caller with the outcome of its write.
async fn commit(pool: &AnyPool, batch: Vec<Job>) -> Vec<Outcome> {
    let mut tx = match pool.begin().await {
        Ok(tx) => tx,
        Err(error) => return failed(batch.into_iter().map(|job| job.done), &error),
    };
    let mut outcomes = Vec::with_capacity(batch.len());
    for Job { write, done } in batch {
        let outcome = in_savepoint(&mut tx, write).await;
        outcomes.push((done, outcome));
    }
    match tx.commit().await {
        Ok(()) => outcomes,
        Err(error) => failed(outcomes.into_iter().map(|(done, _)| done), &error),
    }
}

async fn in_savepoint(conn: &mut AnyConnection, write: Write) -> Result<(), sqlx::Error> {
    sqlx::query("SAVEPOINT one_write")
        .execute(&mut *conn)
        .await?;
    match write(conn).await {
        Ok(()) => sqlx::query("RELEASE SAVEPOINT one_write")
            .execute(&mut *conn)
            .await
            .map(|_| ()),
        Err(error) => {
            sqlx::query("ROLLBACK TO SAVEPOINT one_write")
                .execute(&mut *conn)
                .await?;
            Err(error)
        }
    }
}

/// `sqlx::Error` cannot be cloned: each caller of a failed batch gets one that says what failed.
fn failed(
    callers: impl Iterator<Item = oneshot::Sender<Result<(), sqlx::Error>>>,
    error: &sqlx::Error,
) -> Vec<Outcome> {
    callers
        .map(|done| {
            let copy = sqlx::Error::Protocol(format!("the batch could not be written: {error}"));
            (done, Err(copy))
        })
        .collect()
}
