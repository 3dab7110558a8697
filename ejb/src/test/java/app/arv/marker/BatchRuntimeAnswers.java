package app.arv.marker;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.operations.NoSuchJobInstanceException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.ToLongBiFunction;
import java.util.stream.IntStream;

/**
 * What the JSR-352 runtime answers the compile-job recovery, given by a test: there is no batch runtime outside the
 * server. Only the calls the recovery (and an operator's stop) makes are answered; any other fails the test.
 */
final class BatchRuntimeAnswers {

    /** The suite's compile settings: 10 s recovery rounds, 30 s of life, 10 min of patience with a store away. */
    static final MarkerRules RULES = new MarkerRules(2, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(10), 1);

    private static final AtomicLong IDS = new AtomicLong(1_000);

    private BatchRuntimeAnswers() {
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** An execution of a compile job that has {@code status} and was created at {@code created}. */
    static JobExecution execution(BatchStatus status, Instant created) {
        long id = nextId();
        Properties parameters = new Properties();
        parameters.setProperty("organizationId", "acme");
        return (JobExecution) Proxy.newProxyInstance(JobExecution.class.getClassLoader(), new Class<?>[]{JobExecution.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getExecutionId" -> id;
                    case "getBatchStatus" -> status;
                    case "getCreateTime" -> Date.from(created);
                    case "getJobParameters" -> parameters;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static JobInstance instance(long id) {
        return (JobInstance) Proxy.newProxyInstance(JobInstance.class.getClassLoader(), new Class<?>[]{JobInstance.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getInstanceId" -> id;
                    case "getJobName" -> CompileRequestListener.JOB;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * A runtime whose instances have {@code history} as their executions and that restarts by {@code restart}
     * (execution id, parameters → the new execution's id).
     */
    static JobOperator runtime(List<JobExecution> history, ToLongBiFunction<Long, Properties> restart) {
        return (JobOperator) Proxy.newProxyInstance(JobOperator.class.getClassLoader(), new Class<?>[]{JobOperator.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getJobExecutions" -> history;
                    case "restart" -> restart.applyAsLong((Long) args[0], (Properties) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * A runtime holding one execution of the job instance: it stops the execution (telling {@code stopped}) when it runs
     * in this process, and answers as JBatch does for one of another process (or none) when it does not.
     */
    static JobOperator stopping(long instance, JobExecution execution, boolean runsHere, LongConsumer stopped) {
        return (JobOperator) Proxy.newProxyInstance(JobOperator.class.getClassLoader(), new Class<?>[]{JobOperator.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getJobExecution" -> execution;
                    case "getJobInstance" -> instance(instance);
                    case "getJobExecutions" -> List.of(execution);
                    case "stop" -> {
                        if (!runsHere) {
                            throw new JobExecutionNotRunningException("JobExecution with execution id of " + args[0] + "is not running.");
                        }
                        stopped.accept((Long) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * A runtime holding the executions of some instances ({@code histories}, by instance id) and, newest of all,
     * {@code newer} instances of other jobs; it finds an instance through any of its executions, fails for anything it
     * does not hold, and restarts by {@code restart}.
     */
    static JobOperator runtime(Map<Long, List<JobExecution>> histories, int newer, ToLongBiFunction<Long, Properties> restart) {
        List<JobInstance> newest = IntStream.range(0, newer).mapToObj(i -> nextId()).sorted(Comparator.reverseOrder())
                .map(BatchRuntimeAnswers::instance).toList();
        return (JobOperator) Proxy.newProxyInstance(JobOperator.class.getClassLoader(), new Class<?>[]{JobOperator.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getJobInstance" -> histories.entrySet().stream()
                            .filter(h -> h.getValue().stream().anyMatch(e -> e.getExecutionId() == (Long) args[0]))
                            .map(h -> instance(h.getKey())).findFirst()
                            .orElseThrow(() -> new NoSuchJobExecutionException("No execution " + args[0]));
                    case "getJobExecutions" -> Optional.ofNullable(histories.get(((JobInstance) args[0]).getInstanceId()))
                            .orElseThrow(() -> new NoSuchJobInstanceException("No instance " + ((JobInstance) args[0]).getInstanceId()));
                    case "getJobInstances" -> newest.subList(Math.min((Integer) args[1], newest.size()),
                            Math.min((Integer) args[1] + (Integer) args[2], newest.size()));
                    case "restart" -> restart.applyAsLong((Long) args[0], (Properties) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
