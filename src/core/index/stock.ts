// The stock-text table shipped with Reprint Lens (assets/stock/zh-news.json, compiled by
// scripts/build-stock-table.mjs from 9,804 real CCTV 新闻联播 and 人民日报 articles): the
// 10-character windows found in at least 2 of them in at least 2 different months. One wire story
// is carried by several outlets within days (a real version, whose text must stay evidence: its
// copies fall in one month), while text that comes back in another month is a formulation or a
// template. Measured on the realnews development set (a third of its pages, each against its
// nearest corpus article): negatives sharing formulations wrongly matched 8/23 with a cut of 4
// articles in any months, 4/23 with 2 in 2 months; excerpts, reprints and real pairs found the
// same under both. 138,456 windows, 466 KiB of JSON, ~2.5 MB in memory. Decoded once, on first use.
import data from '../../../assets/stock/zh-news.json';
import { decodeStockTable, type StockTable } from './stock-table';

let table: StockTable | null = null;

export function zhNewsStock(): StockTable {
  table ??= decodeStockTable(data.data);
  return table;
}
