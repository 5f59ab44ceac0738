-- Subqueries in expressions: IN, EXISTS, quantified comparisons (ANY / ALL), scalar subqueries;
-- and U&'' string literals.

CREATE TABLE orders (order_id BIGINT, customer_id STRING, amount DECIMAL(10, 2))
WITH ('connector' = 'datagen');

SELECT * FROM orders WHERE customer_id IN (SELECT customer_id FROM orders WHERE amount > 10);

SELECT * FROM orders o WHERE NOT EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id AND p.order_id > o.order_id);

SELECT * FROM orders WHERE amount > ALL (SELECT amount FROM orders WHERE customer_id = 'a');

SELECT * FROM orders WHERE amount <= ANY (SELECT amount FROM orders) AND NOT (order_id = ANY (SELECT 1));

SELECT order_id, (SELECT MAX(amount) FROM orders) AS top FROM orders WHERE amount > (SELECT AVG(amount) FROM orders);

SELECT U&'\00e9t\00e9', U&'a!0041b' UESCAPE '!';
