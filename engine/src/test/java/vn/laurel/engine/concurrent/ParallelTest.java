package vn.laurel.engine.concurrent;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelTest {
    @Test
    void answers_come_back_in_the_order_of_the_items_whatever_order_they_finish_in() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> squares = Parallel.map("test", items, i -> {
            threads.add(Thread.currentThread().getName());
            if (i % 7 == 0) sleep(2); // some finish late
            return i * i;
        });
        assertThat(squares).isEqualTo(items.stream().map(i -> i * i).toList());
        if (Runtime.getRuntime().availableProcessors() > 1) assertThat(threads).containsOnly("test");
    }

    @Test
    void a_failure_reaches_the_caller_as_itself() {
        assertThatThrownBy(() -> Parallel.map("test", List.of(1, 2, 3), i -> {
            if (i == 2) throw new IllegalArgumentException("item 2 is bad");
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 2 is bad");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
